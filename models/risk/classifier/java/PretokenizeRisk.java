/*
 * MentalHealthAI - risk classifier pipeline. SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pre-tokenises labelled risk TSVs (header "id label tags lang text", '#' comment lines) with DJL's
 * HuggingFaceTokenizer, i.e. the serving tokenizer (same approach as models/emotion/java/Pretokenize.java).
 *
 * Usage: java -cp <classpath> PretokenizeRisk.java <tokenizer.json> <out.tsv> <in.tsv>...
 * Writes one line per message: source file name, id, label, space-separated token ids (mask == 1 positions only).
 */
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class PretokenizeRisk {
    public static void main(String[] args) throws Exception {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(Path.of(args[0]));
             BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int a = 2; a < args.length; a++) {
                Path in = Path.of(args[a]);
                int rows = 0;
                boolean header = true;
                for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    if (header) { header = false; continue; }
                    String[] f = line.split("\t", -1);
                    if (f.length < 5) throw new IllegalStateException(in + ": bad row " + line);
                    Encoding e = tokenizer.encode(f[4]);
                    long[] ids = e.getIds();
                    long[] mask = e.getAttentionMask();
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < ids.length; i++) {
                        if (mask[i] == 0) continue;
                        if (sb.length() > 0) sb.append(' ');
                        sb.append(ids[i]);
                    }
                    w.write(in.getFileName() + "\t" + f[0] + "\t" + f[1] + "\t" + sb);
                    w.newLine();
                    rows++;
                }
                System.out.printf("%s: %d rows%n", in, rows);
            }
        }
    }
}
