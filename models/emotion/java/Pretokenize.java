/*
 * MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pre-tokenises the GoEmotions splits with DJL's HuggingFaceTokenizer (ai.djl.huggingface:tokenizers:0.36.0),
 * i.e. exactly the tokenizer the Java service uses at serving time, so training and serving ids are identical.
 *
 * Usage: java -cp <classpath> Pretokenize.java <tokenizer.json> <goemotions dir> <out dir> [sentences.txt]
 * Writes <out>/{train,dev,test}.ids (and <out>/verify.ids for the optional sentences file, one text per line) : one line per TSV row, space-separated token ids
 * (the real tokens only, i.e. positions where attention_mask == 1, including [CLS] and [SEP]).
 */
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class Pretokenize {
    public static void main(String[] args) throws Exception {
        Path tok = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        // Same construction as the service: the tokenizer.json's own settings (truncation to 128 tokens).
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tok)) {
            String[] splits = args.length > 3 ? new String[] {"train", "dev", "test", "verify"} : new String[] {"train", "dev", "test"};
            for (String split : splits) {
                Path in = split.equals("verify") ? Path.of(args[3]) : data.resolve("original").resolve(split + ".tsv");
                List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
                long total = 0;
                int max = 0;
                try (BufferedWriter w = Files.newBufferedWriter(out.resolve(split + ".ids"), StandardCharsets.UTF_8)) {
                    for (String line : lines) {
                        String text = line.split("\t", -1)[0];
                        Encoding e = tokenizer.encode(text);
                        long[] ids = e.getIds();
                        long[] mask = e.getAttentionMask();
                        StringBuilder sb = new StringBuilder();
                        int n = 0;
                        for (int i = 0; i < ids.length; i++) {
                            if (mask[i] == 0) continue;
                            if (n++ > 0) sb.append(' ');
                            sb.append(ids[i]);
                        }
                        total += n;
                        max = Math.max(max, n);
                        w.write(sb.toString());
                        w.newLine();
                    }
                }
                System.out.printf("%s: %d rows, mean %.1f tokens, max %d%n", split, lines.size(), (double) total / lines.size(), max);
            }
        }
    }
}
