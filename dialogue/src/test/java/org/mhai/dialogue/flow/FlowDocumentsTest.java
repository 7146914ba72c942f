// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each validation error the flows issue names, worded for an admin and naming the node. */
class FlowDocumentsTest {
  private static final Set<String> KNOWN = Set.copyOf(BuiltInFlows.IDS);

  private static List<FlowError> errors(String json) throws Exception {
    return FlowDocuments.validate(FlowDocuments.read(json.replace('\'', '"')), KNOWN);
  }

  private static FlowError has(List<FlowError> errors, String node, String fragment) {
    return errors.stream().filter(e -> java.util.Objects.equals(node, e.node()) && e.message().contains(fragment))
        .findFirst().orElseThrow(() -> new AssertionError("no error for " + node + " with \"" + fragment + "\" in "
            + errors));
  }

  private static FlowError only(List<FlowError> errors) {
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  private static final String OK = "{'id':'sleep','name':'Sleep','start':'ask','nodes':["
      + "{'id':'ask','type':'question','text':'Slept well?','options':[{'label':'Yes','next':'good'},{'label':'No','next':'tip'}]},"
      + "{'id':'good','type':'end','text':'Great'},"
      + "{'id':'tip','type':'message','text':'Try a routine','next':'bye'},"
      + "{'id':'bye','type':'end'}]}";

  @Test
  void a_good_flow_and_every_built_in_flow_are_valid() throws Exception {
    assertEquals(List.of(), errors(OK));
    for (Map.Entry<String, JsonNode> e : BuiltInFlows.documents().entrySet()) {
      assertEquals(List.of(), FlowDocuments.validate(e.getValue(), KNOWN), e.getKey());
    }
    assertEquals(BuiltInFlows.IDS.size(), BuiltInFlows.catalog().all().size());
  }

  @Test
  void unknown_node_type() throws Exception {
    FlowError e = only(errors(OK.replace("'type':'message'", "'type':'speech'")));
    assertEquals("tip", e.node());
    assertTrue(e.message().contains("unknown type \"speech\""), e.message());
    assertTrue(e.message().contains("message, question"), "lists the valid types");
  }

  @Test
  void reference_to_a_missing_node() throws Exception {
    List<FlowError> all = errors(OK.replace("'next':'bye'", "'next':'byebye'"));
    has(all, "tip", "\"next\" goes to \"byebye\", but there is no node with that id");
    has(all, "bye", "cannot be reached"); // true as well: nothing links to it any more
    assertEquals(2, all.size(), all.toString());
  }

  @Test
  void node_unreachable_from_the_start() throws Exception {
    String withOrphan = OK.substring(0, OK.length() - 2) + ",{'id':'orphan','type':'end'}]}";
    FlowError e = only(errors(withOrphan));
    assertEquals("orphan", e.node());
    assertTrue(e.message().contains("cannot be reached from the start node \"ask\""), e.message());
  }

  @Test
  void a_loop_with_no_user_input() throws Exception {
    String loop = "{'id':'l','name':'Loop','start':'a','nodes':["
        + "{'id':'a','type':'message','text':'one','next':'b'},"
        + "{'id':'b','type':'branch','cases':[{'if':{'emotion':'joy'},'next':'c'}],'default':'a'},"
        + "{'id':'c','type':'end'}]}";
    FlowError e = only(errors(loop));
    assertTrue(e.message().contains("never waits for the patient"), e.message());
    assertTrue(e.message().contains("a → b → a") || e.message().contains("b → a → b"), e.message());
    String withQuestion = loop.replace("'type':'message','text':'one'",
        "'type':'question','text':'one','options':[{'label':'ok'}]");
    assertEquals(List.of(), errors(withQuestion), "a loop that asks something is fine");
  }

  @Test
  void a_branch_without_a_default() throws Exception {
    String flow = "{'id':'b','name':'B','start':'x','nodes':["
        + "{'id':'x','type':'branch','cases':[{'if':{'slot':'mood','op':'lte','value':3},'next':'y'}]},"
        + "{'id':'y','type':'end'}]}";
    FlowError e = only(errors(flow));
    assertEquals("x", e.node());
    assertTrue(e.message().contains("has no \"default\""), e.message());
  }

  @Test
  void a_quick_reply_without_a_target() throws Exception {
    List<FlowError> all = errors(OK.replace("{'label':'No','next':'tip'}", "{'label':'No'}"));
    has(all, "ask", "Quick reply \"No\" of question \"ask\" has no target");
  }

  @Test
  void a_duplicate_id() throws Exception {
    List<FlowError> all = errors(OK.replace("{'id':'bye','type':'end'}", "{'id':'bye','type':'end'},{'id':'good','type':'end'}"));
    assertTrue(all.stream().anyMatch(e -> "good".equals(e.node()) && e.message().contains("Two nodes are called \"good\"")),
        all.toString());
  }

  @Test
  void document_level_problems_have_no_node() throws Exception {
    List<FlowError> all = errors("{'name':'','start':'nowhere','nodes':[{'id':'a','type':'end'}]}");
    assertTrue(all.stream().allMatch(e -> e.node() == null || e.node().equals("a")), all.toString());
    assertTrue(all.stream().anyMatch(e -> e.message().contains("\"id\"")));
    assertTrue(all.stream().anyMatch(e -> e.message().contains("\"start\" names node \"nowhere\"")));
    assertEquals(1, FlowDocuments.validate(FlowDocuments.read("[1,2]"), KNOWN).size());
  }

  @Test
  void bad_conditions_instruments_and_gotos_are_named() throws Exception {
    String flow = "{'id':'c','name':'C','start':'x','nodes':["
        + "{'id':'x','type':'branch','cases':[{'if':{'emotion':'happy'},'next':'y'},{'if':{'risk':'severe'},'next':'y'}],"
        + "'default':'z'},"
        + "{'id':'y','type':'assessment','instrument':'bdi','next':'z'},"
        + "{'id':'z','type':'goto','flow':'nope'}]}";
    List<FlowError> all = errors(flow);
    assertTrue(all.stream().anyMatch(e -> e.message().contains("\"happy\" is not an Ekman emotion")), all.toString());
    assertTrue(all.stream().anyMatch(e -> e.message().contains("\"severe\" is not a risk level")), all.toString());
    assertTrue(all.stream().anyMatch(e -> "y".equals(e.node()) && e.message().contains("phq9")), all.toString());
    assertTrue(all.stream().anyMatch(e -> "z".equals(e.node()) && e.message().contains("\"nope\", which does not exist")),
        all.toString());
  }

  @Test
  void built_in_flows_may_change_wording_but_not_structure() throws Exception {
    JsonNode original = BuiltInFlows.documents().get("daily-checkin");
    ObjectNode reworded = original.deepCopy();
    ((ObjectNode) reworded.get("nodes").get(0)).put("text", "How's your mood, 0 to 10?");
    assertEquals(FlowDocuments.skeleton(original), FlowDocuments.skeleton(reworded));
    ObjectNode restructured = original.deepCopy();
    ((ObjectNode) restructured.get("nodes").get(0)).put("next", "done");
    assertNotEquals(FlowDocuments.skeleton(original), FlowDocuments.skeleton(restructured));
  }

  @Test
  void a_mood_record_needs_a_mood_check_and_patterns_must_be_safe() throws Exception {
    String flow = "{'id':'m','name':'M','start':'a','nodes':["
        + "{'id':'a','type':'capture','slot':'m','record':'mood','text':'Mood?','next':'b'},"
        + "{'id':'b','type':'capture','slot':'code','text':'Code?','validate':{'kind':'pattern','pattern':'(a+)+$'},"
        + "'next':'c'},{'id':'c','type':'end'}]}";
    List<FlowError> all = errors(flow);
    has(all, "a", "needs \"validate\": \"mood\"");
    has(all, "b", "repeats a repeated group");
    assertEquals(2, all.size(), all.toString());
  }

  @Test
  void schema_errors_name_the_node_and_the_json_pointer_of_the_field() throws Exception {
    assertEquals("/nodes/2/type", only(errors(OK.replace("'type':'message'", "'type':'speech'"))).path());
    List<FlowError> all = errors("{'id':'x','name':'X','start':'a','extra':1,'nodes':["
        + "{'id':'a','type':'message','text':5,'next':'b'},{'id':'b','type':'goto'}]}");
    assertEquals("/extra", has(all, null, "unknown field \"extra\"").path());
    assertEquals("/nodes/0/text", has(all, "a", "\"text\" of node \"a\" must be a string, or {\"en\"").path());
    assertEquals("/nodes/1", has(all, "b", "exactly one of \"target\"").path());
    assertEquals("/nodes/0/options/0/next",
        has(errors(OK.replace("{'label':'Yes','next':'good'}", "{'label':'Yes','next':'gone'}")), "ask",
            "quick reply \"Yes\" goes to \"gone\"").path());
  }

  @Test
  void the_schema_served_to_admins_is_the_one_that_validates() throws Exception {
    JsonNode schema = FlowDocuments.read(FlowDocuments.schema());
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertTrue(schema.at("/$defs/node/properties/type/enum").toString().contains("\"assessment\""));
  }
}
