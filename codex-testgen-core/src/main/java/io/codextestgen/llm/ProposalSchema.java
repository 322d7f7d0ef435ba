package io.codextestgen.llm;

/** The strict JSON schema of the model's answer (OpenAI structured outputs): a list of proposals, nothing else. */
final class ProposalSchema {

  static final String NAME = "codex_testgen_proposals";

  static final String JSON = """
      {"type":"object","additionalProperties":false,"required":["proposals"],"properties":{"proposals":{
      "type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,
      "required":["operationId","family","location","target","value","expectedStatusClass","semanticRule","rationale"],
      "properties":{"operationId":{"type":"string"},"family":{"type":"string","enum":["valid","malformed"]},
      "location":{"type":"string","enum":["body","path","query","header","cookie"]},
      "target":{"type":"string","description":"JSON pointer into the request body (e.g. /price), or the parameter name"},
      "value":{"type":"string","description":"the value as JSON text, e.g. 12.5 or \\"2024-02-29\\""},
      "expectedStatusClass":{"type":"string","enum":["2xx","4xx"]},
      "semanticRule":{"type":"boolean","description":"true when the case breaks a rule only the description states"},
      "rationale":{"type":"string","maxLength":200}}}}}}""".replace("\n", "");

  private ProposalSchema() {}
}
