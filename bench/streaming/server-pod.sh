# Sourced by bench/streaming/*.sh: server_pod KUBECONFIG MIB writes MIB MiB of random bytes to
# $WORK/big and runs the process-runtime pod `server` (busybox nc on the pod IP): port 9001 sends
# the file and closes, port 9002 counts what it receives until the client's end and answers the
# count (`wc -c`). Sets POD_IP once the pod is Ready.
server_pod() { # kubeconfig mib
  head -c $(($2 << 20)) /dev/urandom >"$WORK/big"
  kubectl --kubeconfig "$1" apply -f - >/dev/null <<YAML
apiVersion: v1
kind: Pod
metadata: {name: server}
spec:
  containers:
  - name: server
    image: busybox
    command: [sh, -c, "busybox nc -ll -p 9001 \$(POD_IP) -e cat $WORK/big & busybox nc -ll -p 9002 \$(POD_IP) -e wc -c & exec sleep 36000"]
    env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
    readinessProbe: {tcpSocket: {port: 9002}, periodSeconds: 1}
YAML
  kubectl --kubeconfig "$1" wait --for=condition=Ready pod/server --timeout=60s >/dev/null
  POD_IP=$(kubectl --kubeconfig "$1" get pod server -o jsonpath='{.status.podIP}')
}
