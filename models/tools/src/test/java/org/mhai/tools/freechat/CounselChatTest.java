// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.tools.freechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhai.dialogue.freechat.Topic;

class CounselChatTest {

  @Test
  void parses_quotes_doubled_quotes_and_newlines_inside_fields() {
    List<List<String>> rows = CounselChat.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthen go\"\n1,2");
    assertEquals(List.of(List.of("a", "b"), List.of("x, y", "say \"hi\"\nthen go"), List.of("1", "2")), rows);
  }

  @Test
  void one_question_per_title_and_text_with_the_union_of_its_topics(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("c.csv");
    Files.writeString(csv, ",questionID,questionTitle,questionText,questionLink,topic,therapistInfo,therapistURL,answerText,upvotes,views,split\n"
        + "0,1,Why sad?,\"I feel\nlow\",l,depression,t,u,\"answer one\",1,2,train\n"
        + "1,1,Why sad?,\"I feel\nlow\",l,self-esteem,t,u,answer two,1,2,train\n"
        + "2,1,Other,text,l,anxiety,t,u,a,1,2,val\n");
    List<CounselChat.Question> qs = CounselChat.read(csv);
    assertEquals(2, qs.size());
    assertEquals(Set.of("depression", "self-esteem"), qs.get(0).topics());
    assertEquals("Why sad? I feel\nlow", qs.get(0).query());
    assertEquals("val", qs.get(1).split());
  }

  @Test
  void the_mapping_scores_only_topics_in_scope() {
    assertTrue(TopicMapping.matches(Topic.PANIC, Set.of("anxiety")));
    assertFalse(TopicMapping.matches(Topic.SLEEP, Set.of("anxiety")));
    assertFalse(TopicMapping.covered(Set.of("spirituality")));
    TopicMapping.NOT_COVERED.forEach(l -> assertFalse(TopicMapping.COVERED.containsKey(l), l));
  }
}
