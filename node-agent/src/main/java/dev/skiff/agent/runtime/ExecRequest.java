package dev.skiff.agent.runtime;

import java.util.List;

/**
 * What a client asked to run (exec) or to join (attach, with an empty command), and which streams
 * it wants.
 */
public record ExecRequest(
    List<String> command, boolean stdin, boolean stdout, boolean stderr, boolean tty) {}
