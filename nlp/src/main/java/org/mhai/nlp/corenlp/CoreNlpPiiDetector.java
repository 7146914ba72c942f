// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhai.nlp.PiiDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford CoreNLP's light pipeline (tokenize, ssplit, pos, lemma, 3-class NER; fine-grained
 * NER, SUTime and numeric classifiers off: about 3 s and 200 MB to load, once) plus patterns for
 * contacts. CoreNLP's own sentiment annotator is deliberately not used: it is slow (~100 ms per
 * sentence) and mislabels this domain; sentiment comes from the emotion model.
 */
public final class CoreNlpPiiDetector implements PiiDetector {
  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpPiiDetector.class);

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern URL = Pattern.compile("(?i)\\b(https?://|www\\.)[^\\s<>\"]+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@[A-Za-z0-9_]{2,32}\\b");
  /** International or national numbers: 7+ digits with optional +, spaces, dots, dashes, brackets. */
  private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(\\+?\\(?\\d[\\d\\s().-]{5,}\\d)(?!\\w)");

  /**
   * Words after which the next word is a person's name even when it is written in lower case
   * ("my boyfriend jake", "talked to emily"): CoreNLP's NER relies on capitals and misses these.
   */
  private static final Set<String> NAME_AFTER = Set.of("boyfriend", "girlfriend", "husband", "wife", "partner",
      "friend", "sister", "brother", "mum", "mom", "mother", "dad", "father", "son", "daughter", "boss", "manager",
      "therapist", "counsellor", "counselor", "doctor", "dr", "cousin", "aunt", "uncle", "colleague", "flatmate",
      "roommate", "grandma", "grandad", "grandpa", "nan", "ex", "named", "teacher", "neighbour", "neighbor", "fiance",
      "fiancee", "bestie");
  /** Two-word cues for a following lower-case name. */
  private static final Set<String> NAME_AFTER_PAIR = Set.of("talked to", "spoke to", "spoke with", "talking to",
      "speaking to", "texted by", "name is", "call me", "called me", "met with", "up with");
  /** Two-word cues for a following lower-case place ("i live in leeds"). */
  private static final Set<String> PLACE_AFTER_PAIR = Set.of("live in", "lives in", "lived in", "living in",
      "moved to", "move to", "moving to", "up in", "born in", "come from", "comes from", "came from", "raised in");
  /** Words that follow those cues without being a name or place. */
  private static final Set<String> NOT_A_NAME = Set.of("a", "an", "the", "my", "our", "your", "his", "her", "their",
      "this", "that", "these", "those", "it", "him", "them", "me", "us", "you", "i", "he", "she", "we", "they",
      "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "no", "one", "about", "again",
      "and", "but", "or", "so", "too", "because", "though", "at", "on", "in", "into", "for", "with", "to", "of", "from",
      "is", "was", "were", "be", "been", "am", "are", "has", "had", "have", "do", "did", "does", "very", "really",
      "just", "recently", "lately", "today", "tonight", "yesterday", "tomorrow", "now", "then", "later", "earlier",
      "before", "after", "last", "next", "every", "all", "always", "never", "still", "also", "here",
      "there", "home", "work", "school", "college", "uni", "university", "hospital", "town", "city", "fear", "hope",
      "denial", "peace", "pain", "silence", "bed", "hell", "private", "person", "online", "together", "alone",
      "mum", "mom", "dad", "parents", "family", "friends", "says", "said", "told", "thinks", "doesn't", "don't",
      "left", "up", "out", "off", "down", "over", "back", "away", "around", "if", "when", "what", "who", "how", "why",
      "not", "well", "bit", "lot", "much", "more", "less", "go", "went", "get", "got", "feel", "felt");

  private static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private final StanfordCoreNLP pipeline;

  private CoreNlpPiiDetector(StanfordCoreNLP pipeline) {
    this.pipeline = pipeline;
  }

  public static CoreNlpPiiDetector load() {
    return load(NER_MODEL);
  }

  /** The pipeline over the named-entity model {@code nerModel} (a class-path resource); fails when it is missing. */
  static CoreNlpPiiDetector load(String nerModel) {
    long t0 = System.nanoTime();
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    p.setProperty("tokenize.language", "en");
    p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
    p.setProperty("ner.model", nerModel);
    p.setProperty("ner.applyFineGrained", "false");
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.applyNumericClassifiers", "false");
    p.setProperty("ner.buildEntityMentions", "true");
    p.setProperty("ner.combinationMode", "NORMAL");
    StanfordCoreNLP pipeline = new StanfordCoreNLP(p);
    LOG.info("pii.corenlp_loaded ms={}", (System.nanoTime() - t0) / 1_000_000);
    return new CoreNlpPiiDetector(pipeline);
  }

  @Override
  public List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    pattern(text, EMAIL, Kind.EMAIL, spans);
    pattern(text, URL, Kind.URL, spans);
    pattern(text, HANDLE, Kind.HANDLE, spans);
    Matcher phone = PHONE.matcher(text);
    while (phone.find()) {
      String digits = phone.group(1).replaceAll("\\D", "");
      if (digits.length() >= 7 && digits.length() <= 15) {
        spans.add(new Span(phone.start(1), phone.end(1), Kind.PHONE));
      }
    }
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    cues(doc.get(CoreAnnotations.TokensAnnotation.class), spans);
    for (CoreMap mention : doc.get(CoreAnnotations.MentionsAnnotation.class)) {
      Kind kind = switch (mention.get(CoreAnnotations.NamedEntityTagAnnotation.class)) {
        case "PERSON" -> Kind.PERSON;
        case "LOCATION" -> Kind.LOCATION;
        case "ORGANIZATION" -> Kind.ORGANIZATION;
        default -> null;
      };
      if (kind != null) {
        List<CoreLabel> tokens = mention.get(CoreAnnotations.TokensAnnotation.class);
        int start = tokens.get(0).beginPosition();
        int end = tokens.get(tokens.size() - 1).endPosition();
        spans.add(new Span(start, end, kind));
      }
    }
    return nonOverlapping(spans);
  }

  /** Lower-case names and places after a cue word ("my sister anna", "i live in leeds"). */
  private static void cues(List<CoreLabel> tokens, List<Span> out) {
    for (int i = 1; i < tokens.size(); i++) {
      CoreLabel t = tokens.get(i);
      String word = t.word();
      String lower = word.toLowerCase(Locale.ROOT);
      if (word.length() < 2 || !word.chars().allMatch(Character::isLetter) || NOT_A_NAME.contains(lower)) {
        continue;
      }
      String prev = tokens.get(i - 1).word().toLowerCase(Locale.ROOT);
      String pair = i >= 2 ? tokens.get(i - 2).word().toLowerCase(Locale.ROOT) + " " + prev : "";
      Kind kind = NAME_AFTER.contains(prev) || NAME_AFTER_PAIR.contains(pair) ? Kind.PERSON
          : PLACE_AFTER_PAIR.contains(pair) ? Kind.LOCATION : null;
      if (kind != null) {
        out.add(new Span(t.beginPosition(), t.endPosition(), kind));
      }
    }
  }

  private static void pattern(String text, Pattern p, Kind kind, List<Span> out) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(new Span(m.start(), m.end(), kind));
    }
  }

  /** Earliest first; where spans overlap, the longer one wins (an e-mail beats the name inside it). */
  private static List<Span> nonOverlapping(List<Span> spans) {
    spans.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end() - s.start())));
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (!out.isEmpty() && s.start() < out.get(out.size() - 1).end()) {
        Span last = out.get(out.size() - 1);
        if (s.end() - s.start() > last.end() - last.start()) {
          out.set(out.size() - 1, s);
        }
        continue;
      }
      out.add(s);
    }
    return out;
  }
}
