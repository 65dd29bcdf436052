package dev.skiff.api.model.apps;

/** apps/v1 StatefulSetCondition: type, status, lastTransitionTime, reason, message. */
public class StatefulSetCondition extends ReplicaSetCondition {}
