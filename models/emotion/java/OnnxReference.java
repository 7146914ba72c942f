/*
 * MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the original all-MiniLM-L6-v2 ONNX encoder (ONNX Runtime) on the first N pre-tokenised rows of a split and
 * writes last_hidden_state, so convert_onnx.py's PyTorch re-implementation can be checked against it.
 * Usage: java -cp <classpath> OnnxReference.java <model.onnx> <split.ids> <N> <out.txt>
 * Output: per row one line "len v0 v1 ... v(len*384-1)".
 */
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class OnnxReference {
    public static void main(String[] args) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        try (OrtSession s = env.createSession(args[0], new OrtSession.SessionOptions());
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            for (int r = 0; r < n; r++) {
                String[] tok = lines.get(r).trim().split(" ");
                long[][] ids = new long[1][tok.length], mask = new long[1][tok.length], type = new long[1][tok.length];
                for (int i = 0; i < tok.length; i++) { ids[0][i] = Long.parseLong(tok[i]); mask[0][i] = 1; }
                try (OnnxTensor a = OnnxTensor.createTensor(env, ids); OnnxTensor b = OnnxTensor.createTensor(env, mask);
                     OnnxTensor c = OnnxTensor.createTensor(env, type);
                     OrtSession.Result res = s.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
                    float[][][] h = (float[][][]) res.get(0).getValue();
                    StringBuilder sb = new StringBuilder().append(tok.length);
                    for (float[] row : h[0]) for (float v : row) sb.append(' ').append(v);
                    w.println(sb);
                }
            }
        }
    }
}
