{{/* The name of a component's objects: <release>-<module>, at most 63 characters. */}}
{{- define "synergy.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries; selector labels are the stable subset. */}}
{{- define "synergy.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "synergy.labels" -}}
{{ include "synergy.selectorLabels" . }}
app.kubernetes.io/part-of: synergy
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* The URL of a service inside the cluster, e.g. http://synergy-registry-service:8081 */}}
{{- define "synergy.url" -}}
{{- printf "http://%s:%d" (include "synergy.fullname" (dict "root" .root "name" .component.module)) (int .component.port) -}}
{{- end -}}

{{- define "synergy.apiKeysSecret" -}}
{{- default (printf "%s-api-keys" .Release.Name) .Values.apiKeys.existingSecret -}}
{{- end -}}

{{/*
A service's Deployment and Service. Arguments (a dict):
  root       the chart's root context
  name       the objects' name suffix (the module, or device-gateway-<group>)
  component  its values block (module, port, replicas, javaOptions, resources, env, autoscaling)
  env        extra container env entries (a list of {name, value} or {name, valueFrom})
  config     a ConfigMap mounted at /config (its fleet.yaml is read as extra Spring config), or ""
  strategy   Deployment strategy type (RollingUpdate or Recreate)
  replicas   replica count when the component does not autoscale
*/}}
{{- define "synergy.workload" -}}
{{- $root := .root -}}
{{- $c := .component -}}
{{- $id := dict "root" $root "name" .name -}}
{{- $autoscaled := and $c.autoscaling (get $c.autoscaling "enabled") -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "synergy.fullname" $id }}
  labels:
    {{- include "synergy.labels" $id | nindent 4 }}
spec:
  {{- if not $autoscaled }}
  replicas: {{ .replicas }}
  {{- end }}
  strategy:
    type: {{ .strategy }}
  selector:
    matchLabels:
      {{- include "synergy.selectorLabels" $id | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "synergy.labels" $id | nindent 8 }}
      {{- if .config }}
      annotations:
        checksum/config: {{ .configChecksum }}
      {{- end }}
    spec:
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ $c.module }}
          image: {{ printf "%s%s:%s" $root.Values.image.prefix $c.module $root.Values.image.tag | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ $c.port }}
          env:
            # containers listen beyond loopback (the services' default is 127.0.0.1)
            - name: SERVER_ADDRESS
              value: 0.0.0.0
            - name: SERVER_PORT
              value: {{ $c.port | quote }}
            - name: SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS
              value: {{ required "kafka.bootstrapServers is required" $root.Values.kafka.bootstrapServers | quote }}
            - name: JAVA_TOOL_OPTIONS
              value: {{ $c.javaOptions | quote }}
            {{- with .env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- range $name, $value := $c.env }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
          startupProbe:
            httpGet: {path: {{ $root.Values.probes.startup.path }}, port: http}
            periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
            failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
          livenessProbe:
            httpGet: {path: {{ $root.Values.probes.liveness.path }}, port: http}
            periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
            failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
          readinessProbe:
            httpGet: {path: {{ $root.Values.probes.readiness.path }}, port: http}
            periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
            failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
          resources:
            {{- toYaml $c.resources | nindent 12 }}
          {{- if .config }}
          volumeMounts:
            - name: config
              mountPath: /config
              readOnly: true
          {{- end }}
      {{- if .config }}
      volumes:
        - name: config
          configMap:
            name: {{ .config }}
      {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "synergy.fullname" $id }}
  labels:
    {{- include "synergy.labels" $id | nindent 4 }}
spec:
  type: {{ default "ClusterIP" (and $c.service $c.service.type) }}
  selector:
    {{- include "synergy.selectorLabels" $id | nindent 4 }}
  ports:
    - name: http
      port: {{ $c.port }}
      targetPort: http
{{- end -}}
