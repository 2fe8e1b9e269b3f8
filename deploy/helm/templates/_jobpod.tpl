{{/* Pod spec of the batch roles (ingest, ml, retrain):
     include "severity.jobPod" (list . "retrain" args resources [extra env]) */}}
{{- define "severity.jobPod" -}}
{{- $root := index . 0 -}}
{{- $component := index . 1 -}}
metadata:
  labels:
    {{- include "severity.componentLabels" (list $root $component) | nindent 4 }}
    severity.aero/batch: "true"
spec:
  restartPolicy: Never
  serviceAccountName: {{ include "severity.serviceAccountName" $root }}
  automountServiceAccountToken: false
  securityContext:
    {{- include "severity.podSecurityContext" $root | nindent 4 }}
  containers:
    - name: {{ $component }}
      image: {{ include "severity.image" (list $root (include "severity.liveTag" $root)) }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      args:
        {{- toYaml (index . 2) | nindent 8 }}
      envFrom:
        - configMapRef:
            name: {{ include "severity.fullname" $root }}-config
      env:
        {{- include "severity.appEnv" $root | nindent 8 }}
        # Batch jobs are few, long and use session features (COPY into staging tables, advisory
        # locks): they connect to PostgreSQL directly, not through PgBouncer.
        - name: SEVERITY_DB_URL
          value: {{ include "severity.migrationUrl" $root | quote }}
        {{- if gt (len .) 4 }}
        {{- toYaml (index . 4) | nindent 8 }}
        {{- end }}
      resources:
        {{- toYaml (index . 3) | nindent 8 }}
      securityContext:
        {{- include "severity.containerSecurityContext" $root | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: {{ include "severity.tmpDir" $root }}
        {{- if $root.Values.ingest.dataVolume.claimName }}
        - name: data
          mountPath: /data
          readOnly: true
        {{- end }}
  volumes:
    - name: tmp
      emptyDir: {sizeLimit: 4Gi}
    {{- if $root.Values.ingest.dataVolume.claimName }}
    - name: data
      persistentVolumeClaim:
        claimName: {{ $root.Values.ingest.dataVolume.claimName }}
        readOnly: true
    {{- end }}
{{- end -}}
