package dev.skiff.api.model.apps;

/** apps/v1 DaemonSetCondition: type, status, lastTransitionTime, reason, message. */
public class DaemonSetCondition extends ReplicaSetCondition {}
