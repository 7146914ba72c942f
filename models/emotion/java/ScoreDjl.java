/*
 * MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Serving-path check and scorer: loads the exported TorchScript with DJL 0.36.0's PyTorch engine (libtorch 2.7.1,
 * CPU) and DJL's HuggingFaceTokenizer, exactly as the Java service will, and
 *  1. checks token ids and outputs against Python's reference (python_ref.json) at batch 1 and in a padded batch,
 *  2. checks three sanity sentences (joy / sadness / disgust on the Ekman head),
 *  3. scores every row of GoEmotions dev and test at batch 1 (the probabilities the model card's metrics come from),
 *  4. measures sentences/s at batch 1 and batch 32.
 *
 * Usage: DJL_OFFLINE=true OPT_OUT_TRACKING=true java -cp <classpath> ScoreDjl.java \
 *          score <model.pt> <tokenizer.json> <goemotions dir> <python_ref.json> <out dir> [rowLimit]
 *   Writes <out>/{dev,test}.probs (per row: 28 + 7 + 4 probabilities, space-separated) and <out>/java_check.json.
 * or:      ... ScoreDjl.java parity <model.pt> <tokenizer.json> <python_ref.json> <tolerance>
 *   Only step 1 (used with the fp32 reference export: strict parity of the TorchScript graph and contract).
 */
import ai.djl.inference.Predictor;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class ScoreDjl {
    static final String[] EKMAN = {"anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"};

    /** Real tokens only (the tokenizer.json pads to 128; positions with attention_mask 0 are dropped). */
    static long[] ids(HuggingFaceTokenizer tok, String text) {
        Encoding e = tok.encode(text);
        long[] all = e.getIds();
        long[] mask = e.getAttentionMask();
        int n = 0;
        for (long m : mask) n += (int) m;
        long[] out = new long[n];
        for (int i = 0, j = 0; i < all.length; i++) if (mask[i] == 1) out[j++] = all[i];
        return out;
    }

    /** Runs one padded batch; returns [row][39] = 28 + 7 + 4 probabilities. */
    static float[][] run(Predictor<NDList, NDList> p, NDManager manager, List<long[]> batch) throws Exception {
        int t = 0;
        for (long[] x : batch) t = Math.max(t, x.length);
        long[][] ids = new long[batch.size()][t];
        long[][] mask = new long[batch.size()][t];
        for (int i = 0; i < batch.size(); i++) {
            long[] x = batch.get(i);
            System.arraycopy(x, 0, ids[i], 0, x.length);
            for (int j = 0; j < x.length; j++) mask[i][j] = 1;
        }
        try (NDManager m = manager.newSubManager()) {
            NDList out = p.predict(new NDList(m.create(ids), m.create(mask)));
            float[] a = out.get(0).toFloatArray(), b = out.get(1).toFloatArray(), c = out.get(2).toFloatArray();
            float[][] r = new float[batch.size()][39];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(a, i * 28, r[i], 0, 28);
                System.arraycopy(b, i * 7, r[i], 28, 7);
                System.arraycopy(c, i * 4, r[i], 35, 4);
            }
            return r;
        }
    }

    static void parity(String[] args) throws Exception {
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(Path.of(args[1])).optEngine("PyTorch").build();
        Gson gson = new Gson();
        double tol = Double.parseDouble(args[4]);
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(Path.of(args[2]));
             ZooModel<NDList, NDList> model = criteria.loadModel();
             Predictor<NDList, NDList> predictor = model.newPredictor();
             NDManager manager = NDManager.newBaseManager()) {
            JsonArray ref = gson.fromJson(Files.readString(Path.of(args[3])), JsonArray.class);
            double d1 = 0, db = 0;
            boolean idsEqual = true;
            List<long[]> verIds = new ArrayList<>();
            for (JsonElement el : ref) {
                JsonObject o = el.getAsJsonObject();
                long[] x = ids(tok, o.get("text").getAsString());
                idsEqual &= java.util.Arrays.equals(x, gson.fromJson(o.get("ids"), long[].class));
                verIds.add(x);
                float[] j = run(predictor, manager, List.of(x))[0];
                float[] r = refRow(o);
                for (int i = 0; i < 39; i++) d1 = Math.max(d1, Math.abs(j[i] - r[i]));
            }
            float[][] jb = run(predictor, manager, verIds);
            for (int k = 0; k < ref.size(); k++) {
                float[] r = refRow(ref.get(k).getAsJsonObject().getAsJsonObject("padded_batch"));
                for (int i = 0; i < 39; i++) db = Math.max(db, Math.abs(jb[k][i] - r[i]));
            }
            boolean pass = idsEqual && d1 < tol && db < tol;
            System.out.printf("PARITY %s: %s ids equal=%b, max |DJL - Python| batch1 %.3g, padded batch %.3g (tolerance %s)%n",
                    pass ? "PASSED" : "FAILED", args[1], idsEqual, d1, db, args[4]);
            if (!pass) System.exit(2);
        }
    }

    /** Same texts and tokenisation through the original fp32 all-MiniLM-L6-v2 ONNX (langchain4j's model) with ONNX
     *  Runtime at batch 1: the reference for the "at least 2x langchain4j's fp32 MiniLM" speed goal. */
    static double baselineOrt(String onnx, HuggingFaceTokenizer tok, List<String> texts) throws Exception {
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        double best = 0;
        try (ai.onnxruntime.OrtSession s = env.createSession(onnx, new ai.onnxruntime.OrtSession.SessionOptions())) {
            for (int rep = 0; rep < 2; rep++) {  // first pass warms up
                long t0 = System.nanoTime();
                for (String t : texts) {
                    long[] x = ids(tok, t);
                    long[][] mask = new long[1][x.length], type = new long[1][x.length];
                    java.util.Arrays.fill(mask[0], 1);
                    try (ai.onnxruntime.OnnxTensor a = ai.onnxruntime.OnnxTensor.createTensor(env, new long[][] {x});
                         ai.onnxruntime.OnnxTensor b = ai.onnxruntime.OnnxTensor.createTensor(env, mask);
                         ai.onnxruntime.OnnxTensor c = ai.onnxruntime.OnnxTensor.createTensor(env, type);
                         ai.onnxruntime.OrtSession.Result r = s.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
                        r.get(0).getValue();
                    }
                }
                best = Math.max(best, texts.size() / ((System.nanoTime() - t0) / 1e9));
            }
        }
        return best;
    }

    static float[] refRow(JsonObject o) {
        float[] r = new float[39];
        int k = 0;
        for (String head : new String[] {"labels28", "ekman", "sentiment"})
            for (JsonElement v : o.getAsJsonArray(head)) r[k++] = v.getAsFloat();
        return r;
    }

    static int argmax(float[] v, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) if (v[i] > v[best]) best = i;
        return best - from;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("parity")) {
            parity(args);
            return;
        }
        args = java.util.Arrays.copyOfRange(args, 1, args.length);
        Path pt = Path.of(args[0]);
        Path tokPath = Path.of(args[1]);
        Path data = Path.of(args[2]);
        Path refPath = Path.of(args[3]);
        Path out = Path.of(args[4]);
        int limit = args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE;
        Files.createDirectories(out);
        Map<String, Object> report = new LinkedHashMap<>();
        Gson gson = new GsonBuilder().setPrettyPrinting().create();

        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(pt)
                .optEngine("PyTorch")
                .build();
        long t0 = System.nanoTime();
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(tokPath);
             ZooModel<NDList, NDList> model = criteria.loadModel();
             Predictor<NDList, NDList> predictor = model.newPredictor();
             NDManager manager = NDManager.newBaseManager()) {
            report.put("load_seconds", (System.nanoTime() - t0) / 1e9);
            report.put("engine", ai.djl.engine.Engine.getEngine("PyTorch").getVersion());

            // 1. parity with Python
            JsonArray ref = gson.fromJson(Files.readString(refPath), JsonArray.class);
            double maxDiff1 = 0, maxDiffB = 0;
            boolean idsEqual = true;
            List<long[]> verIds = new ArrayList<>();
            List<String> sanity = new ArrayList<>();
            for (JsonElement el : ref) {
                JsonObject o = el.getAsJsonObject();
                long[] x = ids(tok, o.get("text").getAsString());
                long[] py = gson.fromJson(o.get("ids"), long[].class);
                idsEqual &= java.util.Arrays.equals(x, py);
                verIds.add(x);
                float[] j = run(predictor, manager, List.of(x))[0];
                float[] r = refRow(o);
                for (int i = 0; i < 39; i++) maxDiff1 = Math.max(maxDiff1, Math.abs(j[i] - r[i]));
                sanity.add(o.get("text").getAsString() + " -> ekman " + EKMAN[argmax(j, 28, 35)]);
            }
            float[][] jb = run(predictor, manager, verIds);
            for (int k = 0; k < ref.size(); k++) {
                float[] r = refRow(ref.get(k).getAsJsonObject().getAsJsonObject("padded_batch"));
                for (int i = 0; i < 39; i++) maxDiffB = Math.max(maxDiffB, Math.abs(jb[k][i] - r[i]));
            }
            report.put("token_ids_equal_python", idsEqual);
            report.put("max_abs_diff_vs_python_batch1", maxDiff1);
            report.put("max_abs_diff_vs_python_padded_batch", maxDiffB);
            report.put("predictions", sanity);
            // 2. sanity sentences (first three lines of verify_sentences.txt)
            String[] expect = {"joy", "sadness", "disgust"};
            boolean ok = true;
            for (int k = 0; k < 3; k++) {
                float[] j = run(predictor, manager, List.of(verIds.get(k)))[0];
                ok &= EKMAN[argmax(j, 28, 35)].equals(expect[k]);
            }
            report.put("sanity_joy_sadness_disgust_ok", ok);
            System.out.println(gson.toJson(report));

            // 3. score dev and test at batch 1 (end to end: tokenise + model)
            List<String> benchTexts = new ArrayList<>();
            for (String split : new String[] {"dev", "test"}) {
                List<String> lines = Files.readAllLines(data.resolve("original").resolve(split + ".tsv"), StandardCharsets.UTF_8);
                int n = Math.min(limit, lines.size());
                long s0 = System.nanoTime();
                try (BufferedWriter w = Files.newBufferedWriter(out.resolve(split + ".probs"))) {
                    for (int r = 0; r < n; r++) {
                        String text = lines.get(r).split("\t", -1)[0];
                        if (split.equals("test") && benchTexts.size() < 640) benchTexts.add(text);
                        float[] j = run(predictor, manager, List.of(ids(tok, text)))[0];
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < 39; i++) sb.append(i == 0 ? "" : " ").append(j[i]);
                        w.write(sb.toString());
                        w.newLine();
                    }
                }
                double sec = (System.nanoTime() - s0) / 1e9;
                report.put(split + "_rows_scored", n);
                report.put(split + "_batch1_sentences_per_s_end_to_end", n / sec);
            }
            // 4. speed at batch 1 and batch 32 on the same 640 test texts (tokenisation included)
            for (int bs : new int[] {1, 32}) {
                run(predictor, manager, List.of(ids(tok, benchTexts.get(0))));  // warm
                long s0 = System.nanoTime();
                for (int i = 0; i < benchTexts.size(); i += bs) {
                    List<long[]> b = new ArrayList<>();
                    for (int k = i; k < Math.min(i + bs, benchTexts.size()); k++) b.add(ids(tok, benchTexts.get(k)));
                    run(predictor, manager, b);
                }
                report.put("bench_batch" + bs + "_sentences_per_s", benchTexts.size() / ((System.nanoTime() - s0) / 1e9));
            }
            report.put("bench_texts", benchTexts.size());
            String baseline = System.getProperty("baseline.onnx");
            if (baseline != null) report.put("baseline_fp32_minilm_ort_batch1_sentences_per_s", baselineOrt(baseline, tok, benchTexts));
            report.put("available_processors", Runtime.getRuntime().availableProcessors());
        }
        String json = gson.toJson(report);
        Files.writeString(out.resolve("java_check.json"), json);
        System.out.println(json);
        boolean pass = Boolean.TRUE.equals(report.get("token_ids_equal_python"))
                && Boolean.TRUE.equals(report.get("sanity_joy_sadness_disgust_ok"))
                && (double) report.get("max_abs_diff_vs_python_batch1") < 0.05;
        System.out.println(pass ? "JAVA CHECK PASSED" : "JAVA CHECK FAILED");
        if (!pass) System.exit(2);
    }
}
