{{/* Release-scoped name prefix, at most 40 characters so suffixed names stay under 63. */}}
{{- define "severity.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "severity.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: severity
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
severity.aero/environment: {{ .Values.environment }}
{{- end -}}

{{/* Selector labels of one component: include "severity.selector" (list . "api") */}}
{{- define "severity.selector" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end -}}

{{/* The labels of one component's objects: the release's labels and the component's name (the
     selector's other label, instance, is among the release's). */}}
{{- define "severity.componentLabels" -}}
{{ include "severity.labels" (index . 0) }}
app.kubernetes.io/name: {{ index . 1 }}
{{- end -}}

{{- define "severity.serviceAccountName" -}}
{{- default (printf "%s-app" (include "severity.fullname" .)) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "severity.image" -}}
{{- $root := index . 0 -}}
{{- $tag := index . 1 | default $root.Values.image.tag | default $root.Chart.AppVersion -}}
{{- printf "%s:%s" $root.Values.image.repository $tag -}}
{{- end -}}

{{/* The image tag the live api runs: the active color's in blue-green (scripts/blue-green.sh sets
     only the colors' tags), else image.tag. The batch jobs run it, so they run the released
     version and follow a switch back. Empty = severity.image's defaults. */}}
{{- define "severity.liveTag" -}}
{{- if eq .Values.rollout.strategy "blueGreen" -}}
{{- (index .Values.rollout.colors .Values.rollout.activeColor).tag -}}
{{- end -}}
{{- end -}}

{{/* The api and the jobs go through PgBouncer in transaction mode: no server-side prepared
     statements (prepareThreshold=0), see the deploy module's PgBouncerTransactionPoolingIT. */}}
{{- define "severity.dbUrl" -}}
{{- if .Values.pgbouncer.enabled -}}
jdbc:postgresql://{{ include "severity.fullname" . }}-pgbouncer:5432/{{ .Values.database.name }}?prepareThreshold=0
{{- else -}}
jdbc:postgresql://{{ .Values.database.host }}:{{ .Values.database.port }}/{{ .Values.database.name }}
{{- end -}}
{{- end -}}

{{/* Flyway takes a session-level advisory lock: migrations go straight to PostgreSQL. */}}
{{- define "severity.migrationUrl" -}}
jdbc:postgresql://{{ .Values.database.host }}:{{ .Values.database.port }}/{{ .Values.database.name }}
{{- end -}}

{{/* Environment shared by the api and the jobs: settings from the ConfigMap, secrets by reference. */}}
{{- define "severity.appEnv" -}}
- name: SEVERITY_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.existingSecret }}
      key: {{ .Values.secrets.keys.dbPassword }}
- name: SEVERITY_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.existingSecret }}
      key: {{ .Values.secrets.keys.redisUrl }}
{{- end -}}

{{/* The JVM's java.io.tmpdir (Tomcat's work dir, XGBoost's native library) and TMPDIR in every pod
     of the image: the root filesystem is read-only, so it must be the mount point of the writable
     emptyDir itself. A directory below it would not exist, because the mount hides what the image
     has there (the Dockerfile's /tmp/severity). */}}
{{- define "severity.tmpDir" -}}/tmp{{- end -}}

{{- define "severity.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "severity.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* The colors an api Deployment is rendered for: [""] for rolling updates. */}}
{{- define "severity.apiColors" -}}
{{- if eq .Values.rollout.strategy "blueGreen" -}}blue,green{{- else -}}single{{- end -}}
{{- end -}}

{{- define "severity.previewColor" -}}
{{- if eq .Values.rollout.activeColor "blue" -}}green{{- else -}}blue{{- end -}}
{{- end -}}
