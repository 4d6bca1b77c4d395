package io.promptmanager.server.support;

/** Request bodies the tests send, as a script would write them. */
public final class Bodies {
    private Bodies() {
    }

    public static String prompt(String name) {
        return """
                {"name": "%s", "description": "Summarises a text", "category": null, "tags": ["demo"]}
                """.formatted(name);
    }

    public static String version(String systemText) {
        return """
                {
                  "messages": [
                    {"role": "system", "content": "%s Be {{tone}}."},
                    {"role": "user", "content": "Summarise: {{text}}"}
                  ],
                  "variables": [
                    {"name": "tone", "type": "string", "required": false, "default": "concise", "description": "Style"},
                    {"name": "text", "type": "string", "required": true, "default": null, "description": "Input"}
                  ],
                  "model": "openai/gpt-4o-mini",
                  "parameters": {"temperature": 0.2, "maxTokens": 256},
                  "commitMessage": "%s"
                }
                """.formatted(systemText, systemText);
    }

    public static String category(String name) {
        return """
                {"name": "%s"}
                """.formatted(name);
    }

    public static String render(String text) {
        return """
                {"variables": {"text": "%s"}}
                """.formatted(text);
    }
}
