package dev.skiff.api.model.apps;

/** apps/v1 RollingUpdateDaemonSet: maxUnavailable and maxSurge, counts or percentages. */
public class RollingUpdateDaemonSet extends RollingUpdateDeployment {}
