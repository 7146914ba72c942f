// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every lexicon phrase in a message with token tries built at construction. From each
 * token it follows the trie; between two pattern tokens it may skip a few filler words ("i
 * really really want to just die"), never crossing a sentence. Phrase classes (big alternations
 * such as every way of saying "kill myself") have their own trie, are matched once per message,
 * and are one edge in the row trie, so "want to" × "kill myself" is never multiplied out. The
 * work per token is bounded by the trie depth and the filler allowance: matching is linear.
 */
final class PhraseMatcher {

  /** Filler words allowed in one gap between two pattern tokens. */
  static final int MAX_GAP = 3;
  /** Filler words allowed in one match overall. */
  static final int MAX_GAPS = 5;

  private final Node root = new Node();
  private final List<String> classNames = new ArrayList<>();
  private final List<Node> classRoots = new ArrayList<>();
  private final Map<String, Integer> classIndex = new HashMap<>();
  private final Set<String> fillers;
  private final Set<String> words = new HashSet<>();
  private int sequences;

  PhraseMatcher(List<Lexicon.PhraseClass> classes, List<Lexicon.Phrase> phrases, Set<String> fillers) {
    this.fillers = fillers;
    for (Lexicon.PhraseClass c : classes) {
      Node classRoot = new Node();
      Terminal end = new Terminal(-1, null);
      for (List<String> sequence : c.sequences()) {
        insert(classRoot, sequence, end);
      }
      classIndex.put(c.name(), classNames.size());
      classNames.add(c.name());
      classRoots.add(classRoot);
    }
    for (int id = 0; id < phrases.size(); id++) {
      Lexicon.Phrase phrase = phrases.get(id);
      Terminal terminal = new Terminal(id, phrase.row());
      for (List<String> sequence : phrase.sequences()) {
        insert(root, sequence, terminal);
      }
    }
  }

  /** Every literal word the patterns use: the normaliser repairs misspellings towards these. */
  Set<String> words() {
    return words;
  }

  int sequenceCount() {
    return sequences;
  }

  List<Match> find(Tokens tokens) {
    Search search = new Search(tokens);
    for (int c = 0; c < classRoots.size(); c++) {
      search.classEnds[c] = search.spans(classRoots.get(c));
    }
    for (int first = 0; first < tokens.size(); first++) {
      search.start(first);
      search.advance(root, first, 0, 0);
    }
    return search.found;
  }

  private void insert(Node start, List<String> sequence, Terminal terminal) {
    Node node = start;
    for (String token : sequence) {
      if (token.equals("_")) {
        if (node.any == null) {
          node.any = new Node();
        }
        node = node.any;
      } else if (token.startsWith("@")) {
        Integer index = classIndex.get(token.substring(1));
        if (index == null) {
          throw new org.mhai.nlp.NlpException("risk lexicon: class " + token + " used before it is defined");
        }
        if (node.classes == null) {
          node.classes = new HashMap<>(2);
        }
        node = node.classes.computeIfAbsent(index, k -> new Node());
      } else if (token.endsWith("*")) {
        String prefix = token.substring(0, token.length() - 1);
        if (node.prefixes == null) {
          node.prefixes = new HashMap<>(2);
        }
        node = node.prefixes.computeIfAbsent(prefix, k -> new Node());
      } else {
        words.add(token);
        if (node.next == null) {
          node.next = new HashMap<>(2);
        }
        node = node.next.computeIfAbsent(token, k -> new Node());
      }
    }
    if (node.ends == null) {
      node.ends = new ArrayList<>(1);
    }
    if (!node.ends.contains(terminal)) {
      node.ends.add(terminal);
      sequences++;
    }
  }

  private static final class Node {
    Map<String, Node> next;
    Map<String, Node> prefixes;
    Map<Integer, Node> classes;
    Node any;
    List<Terminal> ends;
  }

  private record Terminal(int id, LexiconRow row) {}

  private record Key(int id, int first, int last) {}

  /** The state of one search over one message. */
  private final class Search {
    final Tokens tokens;
    final List<Match> found = new ArrayList<>();
    final Set<Key> seen = new HashSet<>();
    /** For each class, for each start token, the last tokens of the class's phrases found there. */
    final int[][][] classEnds = new int[classRoots.size()][][];
    Node searchRoot = root;
    List<Integer> sink;
    int sentence;
    int first;

    Search(Tokens tokens) {
      this.tokens = tokens;
    }

    void start(int from) {
      first = from;
      sentence = tokens.sentence(from);
    }

    /** Runs one class trie from every token; the class's spans, by start token. */
    int[][] spans(Node classRoot) {
      int[][] ends = new int[tokens.size()][];
      Node saved = searchRoot;
      searchRoot = classRoot;
      sink = new ArrayList<>(4);
      for (int s = 0; s < tokens.size(); s++) {
        sink.clear();
        start(s);
        advance(classRoot, s, 0, 0);
        if (!sink.isEmpty()) {
          ends[s] = sink.stream().distinct().mapToInt(Integer::intValue).toArray();
        }
      }
      sink = null;
      searchRoot = saved;
      return ends;
    }

    /** Reached {@code node} having matched the token just before {@code pos}. */
    void arrive(Node node, int pos, int gaps) {
      if (node.ends != null) {
        for (Terminal terminal : node.ends) {
          record(terminal, pos - 1);
        }
      }
      advance(node, pos, gaps, 0);
    }

    void advance(Node node, int pos, int gaps, int run) {
      if (pos >= tokens.size() || tokens.sentence(pos) != sentence) {
        return;
      }
      String word = tokens.word(pos);
      Node child = node.next == null ? null : node.next.get(word);
      if (child != null) {
        arrive(child, pos + 1, gaps);
      }
      if (node.prefixes != null) {
        for (Map.Entry<String, Node> e : node.prefixes.entrySet()) {
          if (word.startsWith(e.getKey())) {
            arrive(e.getValue(), pos + 1, gaps);
          }
        }
      }
      if (node.classes != null) {
        for (Map.Entry<Integer, Node> e : node.classes.entrySet()) {
          int[] ends = classEnds[e.getKey()][pos];
          if (ends != null) {
            for (int end : ends) {
              arrive(e.getValue(), end + 1, gaps);
            }
          }
        }
      }
      if (node.any != null) {
        arrive(node.any, pos + 1, gaps);
      }
      if (node != searchRoot && gaps < MAX_GAPS && run < MAX_GAP && fillers.contains(word)) {
        advance(node, pos + 1, gaps + 1, run + 1);
      }
    }

    void record(Terminal terminal, int last) {
      if (sink != null) {
        sink.add(last);
        return;
      }
      LexiconRow row = terminal.row();
      if (row.startAnchored() && !onlyFillers(tokens.clauseStart(first), first)) {
        return;
      }
      if (row.endAnchored() && !onlyFillers(last + 1, tokens.clauseEnd(last))) {
        return;
      }
      if (seen.add(new Key(terminal.id(), first, last))) {
        found.add(new Match(row, terminal.id(), first, last));
      }
    }

    private boolean onlyFillers(int from, int to) {
      for (int i = from; i < to; i++) {
        if (!fillers.contains(tokens.word(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
