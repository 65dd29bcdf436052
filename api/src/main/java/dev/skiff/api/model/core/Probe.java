package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 Probe: one handler (exec, httpGet, tcpSocket, grpc) and its timing. */
public class Probe extends Extensible {
  public ExecAction exec;
  public HTTPGetAction httpGet;
  public TCPSocketAction tcpSocket;
  public GRPCAction grpc;
  public Integer initialDelaySeconds;
  public Integer timeoutSeconds;
  public Integer periodSeconds;
  public Integer successThreshold;
  public Integer failureThreshold;
  public Long terminationGracePeriodSeconds;
}
