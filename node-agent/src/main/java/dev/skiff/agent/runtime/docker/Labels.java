package dev.skiff.agent.runtime.docker;

/** The labels that mark the containers of one node agent and tie them to pods. */
final class Labels {
  static final String NODE = "dev.skiff.node";
  static final String POD_UID = "dev.skiff.pod.uid";
  static final String POD_NAME = "dev.skiff.pod.name";
  static final String POD_NAMESPACE = "dev.skiff.pod.namespace";
  static final String CONTAINER = "dev.skiff.container.name";
  static final String ATTEMPT = "dev.skiff.container.attempt";
  static final String SANDBOX = "dev.skiff.sandbox";

  private Labels() {}
}
