// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mhai.nlp.NlpException;
import org.mhai.nlp.RiskLevel;

/**
 * Reads the versioned, line-based risk lexicon from the class path and validates all of it, so
 * a missing or corrupt file fails at construction with the file and line named.
 *
 * <p>Format (UTF-8, tab-separated columns, {@code #} starts a comment line):
 *
 * <pre>
 * &#64;version    lexicon-risk/1.0.0
 * &#64;include    other-file.tsv                     (same folder; included once)
 * &#64;define     NAME    pattern fragment            (macro, expanded where used as $NAME)
 * &#64;class      NAME    pattern fragment            (phrase class, matched once, used as $NAME)
 * &#64;set        name    token token ...             (named token set; repeats extend it)
 * &#64;rewrite    from    to tokens                   (normalisation of one input token)
 * signal  level  lang  pattern  [flags]            (level: none|low|medium|high|imminent|cue)
 * </pre>
 */
final class LexiconParser {

  private static final Pattern VERSION = Pattern.compile("[a-z][a-z0-9-]*/\\d+\\.\\d+\\.\\d+");
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+\\*?|_");
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> LANGS = Set.of("en", "es", "any");

  private final ClassLoader loader;
  private final String folder;
  private String version;
  private final Map<String, List<List<String>>> macros = new HashMap<>();
  private final Map<String, List<List<String>>> classes = new LinkedHashMap<>();
  private final Map<String, Set<String>> sets = new LinkedHashMap<>();
  private final Map<String, List<String>> rewrites = new LinkedHashMap<>();
  private final List<PendingRow> rows = new ArrayList<>();
  private final Set<String> included = new HashSet<>();
  private final Deque<String> including = new ArrayDeque<>();

  private LexiconParser(ClassLoader loader, String folder) {
    this.loader = loader;
    this.folder = folder;
  }

  /**
   * @param resource class-path resource, e.g. "org/mhai/nlp/risk/risk-lexicon.tsv"
   * @throws NlpException when the resource or an include is missing or invalid
   */
  static Lexicon parse(ClassLoader loader, String resource) {
    int slash = resource.lastIndexOf('/');
    String folder = slash < 0 ? "" : resource.substring(0, slash + 1);
    LexiconParser parser = new LexiconParser(loader, folder);
    parser.read(resource.substring(slash + 1), resource);
    return parser.build(resource);
  }

  private void read(String file, String from) {
    String resource = folder + file;
    if (including.contains(resource)) {
      throw fail(from, "@include cycle through " + file);
    }
    if (!included.add(resource)) {
      return;
    }
    including.push(resource);
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw fail(from, "resource not found: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String origin = file + ":" + number;
        try {
          line(line, origin);
        } catch (IllegalArgumentException e) {
          throw fail(origin, e.getMessage());
        }
      }
    } catch (CharacterCodingException e) {
      throw fail(resource, "not valid UTF-8");
    } catch (IOException e) {
      throw new NlpException("risk lexicon " + resource + ": cannot read: " + e, e);
    } finally {
      including.pop();
    }
  }

  private void line(String raw, String origin) {
    String line = raw.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    String[] cols = Arrays.stream(raw.split("\t")).map(String::strip).filter(s -> !s.isEmpty())
        .toArray(String[]::new);
    switch (cols[0]) {
      case "@version" -> {
        need(cols, 2, 2, "@version<TAB>name/x.y.z");
        if (version != null) {
          throw new IllegalArgumentException("@version given twice");
        }
        if (!VERSION.matcher(cols[1]).matches()) {
          throw new IllegalArgumentException("bad version '" + cols[1] + "'");
        }
        version = cols[1];
      }
      case "@include" -> {
        need(cols, 2, 2, "@include<TAB>file");
        if (cols[1].contains("/") || cols[1].contains("..")) {
          throw new IllegalArgumentException("@include takes a file name in the same folder");
        }
        read(cols[1], origin);
      }
      case "@define" -> {
        need(cols, 3, 3, "@define<TAB>NAME<TAB>pattern");
        checkNewName(cols[1]);
        List<List<String>> expanded = expander().expand(cols[2]);
        expanded.forEach(seq -> seq.forEach(this::checkToken));
        macros.put(cols[1], expanded);
      }
      case "@class" -> {
        need(cols, 3, 3, "@class<TAB>NAME<TAB>pattern");
        checkNewName(cols[1]);
        List<List<String>> expanded = expander().expand(cols[2]);
        expanded.forEach(seq -> seq.forEach(this::checkToken));
        classes.put(cols[1], expanded);
      }
      case "@set" -> {
        need(cols, 3, 3, "@set<TAB>name<TAB>tokens");
        Set<String> set = sets.computeIfAbsent(cols[1], k -> new LinkedHashSet<>());
        for (String token : cols[2].split(" +")) {
          checkPlainToken(token);
          set.add(token);
        }
      }
      case "@rewrite" -> {
        need(cols, 3, 3, "@rewrite<TAB>from<TAB>to tokens");
        String from = cols[1];
        if (!from.equals(from.toLowerCase(Locale.ROOT)) || from.contains(" ")) {
          throw new IllegalArgumentException("rewrite source must be one lower-case token: " + from);
        }
        if (rewrites.containsKey(from)) {
          throw new IllegalArgumentException("rewrite of '" + from + "' given twice");
        }
        List<String> to = List.of(cols[2].split(" +"));
        to.forEach(LexiconParser::checkPlainToken);
        rewrites.put(from, to);
      }
      default -> {
        if (cols[0].startsWith("@")) {
          throw new IllegalArgumentException("unknown directive " + cols[0]);
        }
        rows.add(row(cols, origin));
      }
    }
  }

  private PendingRow row(String[] cols, String origin) {
    need(cols, 4, 5, "signal<TAB>level<TAB>lang<TAB>pattern[<TAB>flags]");
    String signal = cols[0];
    boolean cue = cols[1].equals("cue");
    RiskLevel level = RiskLevel.NONE;
    if (cue) {
      if (!Signals.CUES.contains(signal)) {
        throw new IllegalArgumentException("unknown cue '" + signal + "'");
      }
    } else {
      if (!Signals.RISK.contains(signal)) {
        throw new IllegalArgumentException("unknown signal '" + signal + "'");
      }
      try {
        level = RiskLevel.valueOf(cols[1].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown level '" + cols[1] + "'");
      }
    }
    if (!LANGS.contains(cols[2])) {
      throw new IllegalArgumentException("unknown language '" + cols[2] + "'");
    }
    Set<String> flags = new HashSet<>();
    if (cols.length == 5) {
      for (String flag : cols[4].split(",")) {
        if (!Signals.FLAGS.contains(flag.strip())) {
          throw new IllegalArgumentException("unknown flag '" + flag + "'");
        }
        flags.add(flag.strip());
      }
    }
    String pattern = cols[3];
    boolean start = pattern.startsWith("^ ");
    boolean end = pattern.endsWith(" $");
    String body = pattern.substring(start ? 2 : 0, pattern.length() - (end ? 2 : 0)).strip();
    List<List<String>> sequences = expander().expand(body);
    for (List<String> sequence : sequences) {
      sequence.forEach(this::checkToken);
      if (sequence.get(0).equals("_")) {
        throw new IllegalArgumentException("a pattern may not start with '_'");
      }
    }
    LexiconRow row = new LexiconRow(signal, level, cue, cols[2], pattern, flags, start, end, origin);
    return new PendingRow(row, sequences);
  }

  private Lexicon build(String resource) {
    if (version == null) {
      throw fail(resource, "no @version line");
    }
    for (String required : Lexicon.REQUIRED_SETS) {
      if (!sets.containsKey(required)) {
        throw fail(resource, "missing @set " + required);
      }
    }
    if (rows.stream().noneMatch(r -> !r.row.cue())) {
      throw fail(resource, "no risk rows");
    }
    List<Lexicon.Phrase> phrases = new ArrayList<>(rows.size());
    for (PendingRow pending : rows) {
      for (List<String> sequence : pending.sequences) {
        for (String token : sequence) {
          if (rewrites.containsKey(token)) {
            throw fail(pending.row.origin(), "token '" + token
                + "' is rewritten during normalisation, so this pattern could never match; write '"
                + String.join(" ", rewrites.get(token)) + "'");
          }
        }
      }
      phrases.add(new Lexicon.Phrase(pending.row, pending.sequences));
    }
    for (Map.Entry<String, List<List<String>>> c : classes.entrySet()) {
      for (List<String> sequence : c.getValue()) {
        for (String token : sequence) {
          if (rewrites.containsKey(token)) {
            throw fail(resource, "class " + c.getKey() + ": token '" + token
                + "' is rewritten during normalisation, so it could never match; write '"
                + String.join(" ", rewrites.get(token)) + "'");
          }
        }
      }
    }
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    sets.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    List<Lexicon.PhraseClass> phraseClasses = new ArrayList<>();
    classes.forEach((name, sequences) -> phraseClasses.add(new Lexicon.PhraseClass(name, sequences)));
    return new Lexicon(version, rewrites, frozen, phraseClasses, phrases);
  }

  private static void need(String[] cols, int min, int max, String shape) {
    if (cols.length < min || cols.length > max) {
      throw new IllegalArgumentException("expected " + shape + " but found " + cols.length + " columns");
    }
  }

  private PatternExpander expander() {
    return new PatternExpander(macros, classes.keySet());
  }

  private void checkNewName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("macro and class names are UPPER_CASE: " + name);
    }
    if (macros.containsKey(name) || classes.containsKey(name)) {
      throw new IllegalArgumentException(name + " defined twice");
    }
  }

  /** A pattern token: a plain token, or a reference to a class defined earlier. */
  private void checkToken(String token) {
    if (token.startsWith("@") && classes.containsKey(token.substring(1))) {
      return;
    }
    checkPlainToken(token);
  }

  private static void checkPlainToken(String token) {
    if (!TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("bad token '" + token
          + "' (lower-case ASCII letters and digits, optional trailing *, or _)");
    }
  }

  private static NlpException fail(String where, String message) {
    return new NlpException("risk lexicon " + where + ": " + message);
  }

  private record PendingRow(LexiconRow row, List<List<String>> sequences) {}
}
