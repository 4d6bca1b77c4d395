package io.promptmanager.benchmarks;

/**
 * One way of getting a chat completion from the fake upstream: directly, through Prompt Manager,
 * or through the reference gateway. {@code pid} is the process whose CPU is charged to the arm
 * (0 for none: the direct arm has no process in between).
 */
record Arm(String name, Wrk.Request request, long pid, boolean recordsExecutions) {
    static final String DIRECT = "direct";
    static final String PROMPT_MANAGER = "prompt-manager";
    static final String PORTKEY = "portkey";
}
