// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP's own sentence sentiment (parser + recursive sentiment model), OFF by default
 * ({@code MHAI_CORENLP_SENTIMENT=on} adds it to the analyze API as {@code coreNlpSentiment}). It is
 * kept for comparison only: about 100 ms per sentence, and it mislabels this domain (see
 * docs/nlp.md); the product's sentiment comes from the emotion model.
 */
public final class CoreNlpSentiment {
  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpSentiment.class);

  private final StanfordCoreNLP pipeline;

  private CoreNlpSentiment(StanfordCoreNLP pipeline) {
    this.pipeline = pipeline;
  }

  public static CoreNlpSentiment load() {
    long t0 = System.nanoTime();
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
    p.setProperty("parse.model", "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
    p.setProperty("sentiment.model", "edu/stanford/nlp/models/sentiment/sentiment.ser.gz");
    StanfordCoreNLP pipeline = new StanfordCoreNLP(p);
    LOG.info("sentiment.corenlp_loaded ms={}", (System.nanoTime() - t0) / 1_000_000);
    return new CoreNlpSentiment(pipeline);
  }

  /** One label per sentence: Very negative, Negative, Neutral, Positive or Very positive. */
  public List<String> sentences(String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<String> out = new ArrayList<>();
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      out.add(sentence.get(SentimentCoreAnnotations.SentimentClass.class));
    }
    return out;
  }
}
