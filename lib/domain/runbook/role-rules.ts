/**
 * The rule table behind owner suggestions: which words in a step, its command or its section
 * heading point at which of the standard war-room roles. Pure data; the engine that applies it
 * is role-suggestions.ts. Rules are written from how go-live runbooks talk in general (tools,
 * verbs, nouns of each trade), never from one document.
 */

export type StandardRoleKey = 'ic' | 'tech-lead' | 'dba' | 'devops' | 'qa' | 'monitoring' | 'comms';

export type StandardRole = {
  key: StandardRoleKey;
  name: string;
  /** Whole owner hints that name this role ("(DBA)", "[DevOps]", "@qa", "Comms:"). */
  hints: RegExp;
  /** Words in a runbook's own role name that make it this role ("Database Admin" → dba). */
  named: RegExp;
};

/** The standard role set templates start from and may extend. */
export const STANDARD_ROLES: readonly StandardRole[] = [
  {
    key: 'ic', name: 'Incident Commander',
    hints: /^(?:ic|incident[\s-]?commander|incident[\s-]?manager|release[\s-]?captain|release[\s-]?manager)$/i,
    named: /\b(?:incident|commander|captain)\b/i,
  },
  {
    key: 'tech-lead', name: 'Tech Lead',
    hints: /^(?:tech(?:nical)?[\s-]?lead|tl|eng(?:ineering)?[\s-]?lead|dev(?:elopment)?[\s-]?lead|lead[\s-]?dev(?:eloper)?)$/i,
    named: /\b(?:tech(?:nical)?|engineering|development|developer|dev|software|release|deployment|backend|architect)\b/i,
  },
  {
    key: 'dba', name: 'DBA',
    hints: /^(?:dba|dbas|db[\s-]?admin|database(?:[\s-]?(?:admin(?:istrator)?|engineer|team|lead))?)$/i,
    named: /\b(?:dba|database|db|data)\b/i,
  },
  {
    key: 'devops', name: 'DevOps',
    hints: /^(?:dev[\s-]?ops|ops|sre|platform(?:[\s-]?team)?|infra(?:structure)?(?:[\s-]?team)?|operations)$/i,
    named: /\b(?:devops|ops|operations|sre|platform|infra|infrastructure|systems?|cloud|site reliability|release engineer)\b/i,
  },
  {
    key: 'qa', name: 'QA',
    hints: /^(?:qa|qc|qa[\s-]?lead|test(?:er|ing)?(?:[\s-]?lead)?|quality(?:[\s-]?assurance)?)$/i,
    named: /\b(?:qa|qc|quality|test|tester|testing)\b/i,
  },
  {
    key: 'monitoring', name: 'Monitoring',
    hints: /^(?:monitoring(?:[\s-]?lead)?|observability|noc)$/i,
    named: /\b(?:monitoring|observability|noc|metrics)\b/i,
  },
  {
    key: 'comms', name: 'Comms',
    hints: /^(?:comms|communications?(?:[\s-]?lead)?|pr|support(?:[\s-]?lead)?|customer[\s-]?success)$/i,
    named: /\b(?:comms|communications?|pr|marketing|support|customer|stakeholder)\b/i,
  },
];

export type RoleRule = { role: StandardRoleKey; pattern: RegExp; weight: number };

/** Strong: a tool or phrase that belongs to one trade. Plain: a word that usually does. */
const STRONG = 1;
export const PLAIN = 0.6;
const WEAK = 0.35;

function rule(role: StandardRoleKey, weight: number, terms: string[]): RoleRule {
  return { role, weight, pattern: new RegExp(`(?<![\\w-])(?:${terms.join('|')})(?![\\w-])`, 'i') };
}

export const ROLE_RULES: readonly RoleRule[] = [
  // DBA
  rule('dba', STRONG, [
    'psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_basebackup', 'pg_ctl', 'pgbouncer', 'mysqldump', 'mysql', 'mongodump', 'mongorestore',
    'mongosh', 'pgloader', 'pg_upgrade', 'dumps?', 'alembic', 'flyway', 'liquibase', 'sqlcmd', 'sqlplus', 'db:migrate', 'manage\\.py migrate', 'prisma migrate', 'knex migrate',
    'migrations', 'migrate', '(?:schema|database|data|db) migrations?', 'schema', 'schemas', 'backups?', 'restore', 'read replicas?', 'replication', 'vacuum', 'reindex', 'indexes', 'indices',
    'databases?', 'db', 'sql', 'postgres(?:ql)?', 'rds', 'aurora', 'data integrity', 'point-in-time', 'pitr', 'row counts?', 'stored procedures?', 'foreign keys?', 'constraints', 'sequences', 'collation',
  ]),
  rule('dba', PLAIN, ['migration', 'replicas?', 'tables?', 'queries', 'collections?', 'snapshots?', 'redis', 'mongodb', 'cassandra', 'dynamodb', 'qdrant', 'elasticsearch', 'data']),
  // DevOps
  rule('devops', STRONG, [
    'kubectl', 'helm', 'terraform', 'docker', 'docker-compose', 'ansible', 'argocd', 'argo', 'kustomize', 'systemctl', 'nginx', 'haproxy', 'ssh',
    'aws', 'gcloud', 'az', 'eksctl', 'k8s', 'kubernetes', 'pods?', 'deployments?/\\S+', 'namespaces?', 'ingress', 'dns', 'load[\\s-]?balancers?',
    'traffic', 'switch(?:over)?', 'cut[\\s-]?over', 'blue[\\s/-]?green', 'canary', 'containers?', 'clusters?', 'nodes?', 'servers?', 'vms?',
    'infrastructure', 'infra', 'provision(?:ed|ing)?', 'autoscal\\w*', 'scale', 'scaling', 'replicas? count', 'rollout', 'roll out', 'redeploy',
    'ci/cd', 'pipelines?', '\\w*autoscaler', 'feature[\\s-]?flags?', 'certificates?', 'tls', 'ssl', 'cdn', 'firewall', 'vpc', 'vault', 'secrets?', 'env(?:ironment)? var(?:iable)?s?',
    'config(?:uration)?s?', 'configmaps?', 'probes?', 'liveness', 'maintenance (?:mode|banner|page)', 'message queues?', 'kafka', 'rabbitmq', 'networking', 'network', 'maintenance mode', 'restart', 'images?', 'registry',
  ]),
  rule('devops', PLAIN, ['deploy(?:ed|ing|s)?', 'build', 'pools?', 'decommission\\w*', 'workers?', 'cron(?: jobs?)?', 'consumers?', 'gateway', 'caches?', 'api keys?', 'capacity', 'hosts?', 'scripts?', 'automation']),
  // Every go-live runbook says "deployment" and "environment": alone they hint, never decide.
  rule('devops', WEAK, ['deployments?', 'environments?', 'services?', 'production', 'staging']),
  // QA
  rule('qa', STRONG, [
    'smoke(?:[\\s-]?tests?)?', 'e2e', 'end[\\s-]to[\\s-]end', 'integration tests?', 'regression', 'pytest', 'playwright', 'cypress', 'selenium', 'jest',
    'vitest', 'mocha', 'newman', 'postman', 'k6', 'locust', 'jmeter', 'gatling', 'uat', 'user acceptance', 'acceptance tests?', 'test (?:suite|cases?|plan|results?|run)',
    'unit tests?', 'load tests?', 'performance tests?', 'stress tests?', 'qa', 'user journeys?', 'functional(?:ity)?', 'exploratory', 'benchmarks?', 'security scans?',
    'penetration', 'pen[\\s-]?test', 'vulnerability scans?', 'sanity checks?', 'spot[\\s-]?checks?', 'integration (?:checks?|suite)', 'test(?:s|ed|ing)?',
  ]),
  rule('qa', PLAIN, ['verification', 'verify(?=.*\\b(?:works?|working|functions?|succeeds?|passes|passing|correct(?:ly)?|as expected)\\b)', 'validate', 'validation', 'reproduce', 'bugs?', 'defects?']),
  rule('qa', WEAK, ['verify', 'check', 'confirm']),
  // Monitoring
  rule('monitoring', STRONG, [
    'dashboards?', 'alerts?', 'alerting', 'alertmanager', 'error rates?', 'latency', 'p50', 'p95', 'p99', 'grafana', 'prometheus', 'datadog', 'new relic',
    'kibana', 'splunk', 'loki', 'jaeger', 'sentry', 'honeycomb', 'opentelemetry', 'cloudwatch', 'pagerduty', 'opsgenie', 'logs', 'logging', 'queue depth', 'consumer lag', 'metrics?',
    'monitor(?:s|ed|ing)?', 'observability', 'traces?', 'tracing', 'apdex', 'throughput', 'cpu', 'memory', 'saturation', 'slos?', 'slis?', 'error budgets?',
    'anomal(?:y|ies)', 'baseline', 'health checks?', 'uptime', 'synthetic', 'response times?',
  ]),
  rule('monitoring', PLAIN, ['watch', 'observe', 'spikes?', 'errors?', '5xx', '4xx', 'trends?', 'graphs?']),
  // Comms
  rule('comms', STRONG, [
    'notify', 'notif(?:y|ied|ication|ications)', 'slack', 'e-?mails?', 'status[\\s-]?page', 'announce(?:ment|ments|d)?', 'notices?', 'stakeholders?',
    'communicat\\w*', 'comms', 'broadcast', 'newsletter', 'press', 'support team', 'customer success', 'inform', 'teams channel', 'mailing list',
    'faq', 'blog post', 'tweet', 'public update', 'status update', 'post (?:an )?update', 'send (?:an )?update', 'message (?:to|the)',
  ]),
  rule('comms', PLAIN, ['customers?', 'users', 'partners', 'clients', 'marketing', 'sales', 'template(?:s)? for', 'heads[\\s-]?up']),
  // Tech lead
  rule('tech-lead', STRONG, [
    'release notes', 'changelog', 'tag', 'tagged', 'tags', 'git tag', 'version(?:s|ed)?', 'merge[ds]?', 'merging', 'code freeze', 'freeze', 'branch(?:es)?',
    'pull requests?', 'prs?', 'cherry[\\s-]?pick', 'hotfix(?:es)?', 'code review(?:ed|s)?', 'reviewed', 'release candidate', 'rc', 'semver', 'bump',
    'artifacts?', 'build artifacts?', 'git', 'commit', 'documentation', 'document(?:ed)?', 'docs', 'readme', 'architecture', 'runbooks?', 'api contract',
    'dependencies', 'technical debt', 'troubleshoot\\w*', 'root cause', 'bug fix(?:es)?', 'code',
  ]),
  rule('tech-lead', PLAIN, ['release', 'review', 'fix', 'patch', 'sign[\\s-]?off on code', 'handover', 'hand-?off', 'knowledge transfer', 'training', 'lessons learned']),
  // Incident commander
  rule('ic', STRONG, [
    'go\\s*/\\s*no[\\s-]?go', 'no-go', 'approve[ds]?', 'approval', 'decide', 'decision', 'decisions', 'escalat\\w*', 'war[\\s-]?room', 'kick[\\s-]?off',
    'declare', 'abort', 'roll[\\s-]?back decision', 'call the rollback', 'sign[\\s-]?offs?', 'assign(?:ed)? (?:roles|owners|responsibilit\\w*)',
    'roles and responsibilit\\w*', 'brief(?:ing)?', 'retro(?:spective)?', 'post[\\s-]?mortem', 'incident', 'on[\\s-]?call', 'bridge call', 'stand[\\s-]?up',
    'timeline', 'coordinate', 'coordination', 'celebrat\\w*', 'close (?:the )?deployment', 'authori[sz]e',
  ]),
  rule('ic', PLAIN, ['schedule[ds]?', 'plan', 'checklist', 'meeting', 'team', 'owners?', 'hold', 'risk', 'contingency', 'budget', 'window', 'dry[\\s-]?run', 'readiness']),
];
