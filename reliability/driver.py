#!/usr/bin/env python3
"""Reliability and security suite of Public Reflexes (started by reliability/run).

Starts a GreenMail SMTP server and two application nodes (profile postgres, one database), then
runs the fault scenarios, the hostile input suite and the security checks, and prints
"N passed, N failed". Every process it starts is stopped at exit.
"""
import base64
import collections
import concurrent.futures as futures
import datetime
import email
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

SHORT = "--short" in sys.argv
ONLY = [x for a in sys.argv if a.startswith("--only=") for x in a.split("=", 1)[1].split(",")]
WORK = os.environ.get("RELIABILITY_WORK", "target/reliability")
JAR = os.environ.get("RELIABILITY_JAR")
GREENMAIL_JAR = os.environ.get("RELIABILITY_GREENMAIL")
DB = os.environ.get("RELIABILITY_DB", "reliability")
PROD_DB = os.environ.get("RELIABILITY_PROD_DB", "reliability_prod")
PORT_A, PORT_B, PORT_PROD = 18081, 18082, 18083
SMTP_PORT, SMTP_API_PORT = 3325, 18089
LOCK_TIME_MS = 10000
RETRY_CYCLE = "R2/PT3S"
N = {"crash": 60 if SHORT else 200, "smtp": 30 if SHORT else 100, "db": 30 if SHORT else 100,
     "race": 10 if SHORT else 25}
PROCESS = "initiative-without-prior-permission"
PASSWORD = "demo"
PROD_PASSWORD = "Reliable-Pass-42!"

RESULTS = []  # (scenario, name, ok, detail)
COUNTS = collections.OrderedDict()  # printed at the end
PROCS = []


def log(msg):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", flush=True)


def check(scenario, name, ok, detail=""):
    RESULTS.append((scenario, name, bool(ok), detail))
    print(f"  {'PASS' if ok else 'FAIL'} [{scenario}] {name}{(': ' + str(detail)) if detail else ''}", flush=True)
    return ok


# ---------------------------------------------------------------------------------------------
# HTTP and SQL

class Answer:
    def __init__(self, status, body, headers):
        self.status, self.body, self.headers = status, body, headers

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def message(self):
        j = self.json()
        return j.get("message") if isinstance(j, dict) else None


def http(method, url, user=None, password=PASSWORD, body=None, content_type=None, headers=None, timeout=60):
    data = None
    h = dict(headers or {})
    if body is not None:
        if isinstance(body, (bytes, bytearray)):
            data = bytes(body)
        else:
            data = json.dumps(body).encode("utf-8")
            content_type = content_type or "application/json"
    if content_type:
        h["Content-Type"] = content_type
    if user:
        h["Authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    h.setdefault("Accept", "application/json")
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return Answer(r.status, r.read().decode("utf-8", "replace"), r.headers)
    except urllib.error.HTTPError as e:
        return Answer(e.code, e.read().decode("utf-8", "replace"), e.headers)


def psql(sql, db=DB):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-AtX", "-F", "\t", "-c", sql],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def scalar(sql, db=DB):
    rows = psql(sql, db)
    return int(rows[0][0]) if rows else 0


def wait_for(predicate, timeout, interval=1.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if predicate():
                return True
        except Exception:  # noqa: BLE001 - the system under test may be down for a moment
            pass
        time.sleep(interval)
    return False


# ---------------------------------------------------------------------------------------------
# Processes: SMTP server and application nodes

def spawn(name, cmd, env=None):
    logf = open(os.path.join(WORK, f"{name}.log"), "ab")
    p = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                         start_new_session=True)
    PROCS.append(p)
    return p


def stop(p, sig=signal.SIGTERM):
    if p and p.poll() is None:
        try:
            os.killpg(p.pid, sig)
        except ProcessLookupError:
            pass
        try:
            p.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)


def stop_all():
    for p in PROCS:
        stop(p)


class Smtp:
    """GreenMail standalone: SMTP on SMTP_PORT, its REST API on SMTP_API_PORT."""
    api = f"http://127.0.0.1:{SMTP_API_PORT}"

    def __init__(self):
        self.proc = None
        self.delivered = collections.Counter()  # (message-id, mailbox) -> copies, over every lifetime

    def start(self):
        self.proc = spawn("greenmail", ["java", "-Xmx256m", f"-Dgreenmail.smtp.port={SMTP_PORT}",
                                        "-Dgreenmail.hostname=127.0.0.1", "-Dgreenmail.auth.disabled",
                                        f"-Dgreenmail.api.port={SMTP_API_PORT}", "-Dgreenmail.api.hostname=127.0.0.1",
                                        "-jar", GREENMAIL_JAR])
        if not wait_for(lambda: http("GET", self.api + "/api/service/readiness", timeout=3).status == 200, 60, 0.5):
            raise RuntimeError("GreenMail did not start")

    def harvest(self):
        """Message-ids per mailbox currently held (a fresh server after a restart)."""
        counter = collections.Counter()
        users = http("GET", self.api + "/api/user").json() or []
        for u in users:
            msgs = http("GET", f"{self.api}/api/user/{u['email']}/messages/INBOX", timeout=120).json() or []
            for m in msgs:
                mid = email.message_from_string(m.get("mimeMessage", ""))["Message-ID"]
                counter[(mid, u["email"])] += 1
        return counter

    def stop(self):
        """Stops the server, keeping the count of what it received."""
        self.delivered.update(self.harvest())
        stop(self.proc)
        self.proc = None

    def all_delivered(self):
        c = collections.Counter(self.delivered)
        if self.proc:
            c.update(self.harvest())
        return c


class Node:
    def __init__(self, name, port, profile="postgres", db=DB, env=None, extra=None):
        self.name, self.port, self.profile, self.db = name, port, profile, db
        self.env, self.extra = env or {}, extra or []
        self.url = f"http://127.0.0.1:{port}"
        self.proc = None

    def start(self, wait=True):
        args = ["java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", JAR,
                f"--spring.profiles.active={self.profile}", f"--server.port={self.port}",
                f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/{self.db}",
                "--spring.datasource.username=postgres",
                "--logging.file.name=", f"--reflexes.base-url={self.url}"] + self.extra
        self.proc = spawn(self.name, args, self.env)
        if wait:
            self.wait_up()
        return self

    def wait_up(self, timeout=240):
        ok = wait_for(lambda: self.proc.poll() is not None or self.health() == 200, timeout, 1) \
            and self.proc.poll() is None
        if not ok:
            raise RuntimeError(f"node {self.name} did not start (see {WORK}/{self.name}.log)")

    def health(self):
        return http("GET", self.url + "/actuator/health", timeout=5).status

    def kill9(self):
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self):
        stop(self.proc)


def cluster_args():
    """Settings of the test cluster: short lock time and retries, so faults resolve in seconds."""
    return ["--spring.mail.host=127.0.0.1", f"--spring.mail.port={SMTP_PORT}",
            "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
            "--spring.mail.properties.mail.smtp.timeout=10000",
            f"--camunda.bpm.job-execution.lock-time-in-millis={LOCK_TIME_MS}",
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=2000",
            f"--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle={RETRY_CYCLE}",
            f"--reflexes.mail.retry-cycle={RETRY_CYCLE}",
            "--reflexes.initiative.annual-quota-days=100000",
            "--management.endpoints.web.exposure.include=health,mappings"]


# ---------------------------------------------------------------------------------------------
# The workload: initiatives declared by alice; each start creates two user tasks (marc's review,
# the innovation unit's consultation), each announced by a notification job that sends a mail.

def declaration(title):
    start = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    return {"variables": {
        "title": {"value": title},
        "publicInterest": {"value": "Keep the neighbourhood informed during the works"},
        "description": {"value": "A short description of the frugal action"},
        "requestedDays": {"value": 1},
        "plannedStart": {"value": start}}}


def start_instance(node, title, user="alice"):
    return http("POST", f"{node.url}/engine-rest/process-definition/key/{PROCESS}/start", user,
                body=declaration(title), timeout=60)


def start_many(nodes, prefix, n, threads=4, retry_for=90, on_started=None):
    """Starts n instances, spreading them over the nodes; a failed start is retried on the next
    node (client fail-over). Returns ({index: instance id}, [statuses of failed attempts])."""
    ids, failures = {}, []
    lock = threading.Lock()

    def one(i):
        end = time.time() + retry_for
        k = i
        while time.time() < end:
            node = nodes[k % len(nodes)]
            try:
                a = start_instance(node, f"{prefix}-{i:04d}")
                if a.status == 200:
                    with lock:
                        ids[i] = a.json()["id"]
                    if on_started:
                        on_started(len(ids))
                    return
                with lock:
                    failures.append(a.status)
            except Exception as e:  # noqa: BLE001 - connection refused/reset while a node is down
                with lock:
                    failures.append(type(e).__name__)
            k += 1
            time.sleep(0.5)

    with futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(n)))
    return ids, failures


def instances_with_prefix(prefix):
    return [r[0] for r in psql(
        "SELECT proc_inst_id_ FROM act_hi_varinst WHERE name_ = 'title' AND text_ LIKE "
        f"'{prefix}-%'")]


def in_list(ids):
    return "(" + ",".join(f"'{i}'" for i in ids) + ")" if ids else "('')"


def pending_jobs(ids):
    return scalar(f"SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IN {in_list(ids)}"
                  " AND (duedate_ IS NULL OR duedate_ < now() + interval '1 hour')")


def mail_checks(scenario, ids, smtp, in_flight=0, since=None):
    """Each task of the instances announced exactly once: its dedup key logged once and its mail
    delivered once per recipient (counted in the SMTP server by Message-ID). With `since` (the
    start time of the last task created before the scenario), only the tasks created after it:
    those of the scenario, not those an earlier scenario created (and judged) in the same instances."""
    created = f" AND start_time_ > '{since}'" if since else ""
    tasks = [r[0] for r in psql(f"SELECT id_ FROM act_hi_taskinst WHERE proc_inst_id_ IN {in_list(ids)}{created}")]
    keys = {"task-created:" + t for t in tasks}
    rows = psql("SELECT dedup_key, recipients FROM notification_log WHERE dedup_key IN "
                + in_list(sorted(keys)))
    logged = {r[0]: int(r[1]) for r in rows}
    delivered = smtp.all_delivered()
    per_mid = collections.defaultdict(list)
    for (mid, box), copies in delivered.items():
        per_mid[mid].append(copies)
    missing, duplicated, wrong = 0, 0, 0
    for key in keys:
        if key not in logged:
            missing += 1
            continue
        mid = "<" + hashlib.sha256(key.encode()).hexdigest()[:32] + "@public-reflexes>"
        copies = per_mid.get(mid, [])
        if sum(copies) > logged[key] or any(c > 1 for c in copies):
            duplicated += 1
        elif sum(copies) < logged[key]:
            wrong += 1
    COUNTS[f"{scenario}: tasks announced"] = len(keys)
    COUNTS[f"{scenario}: mails delivered (copies)"] = sum(sum(per_mid.get(
        "<" + hashlib.sha256(k.encode()).hexdigest()[:32] + "@public-reflexes>", [])) for k in keys)
    check(scenario, "every new task logged in notification_log", missing == 0, f"{len(keys)} tasks, {missing} not logged")
    check(scenario, "every logged mail delivered", wrong == 0, f"{wrong} logged but not (fully) delivered")
    COUNTS[f"{scenario}: mails delivered twice (same Message-ID)"] = duplicated
    if in_flight:
        # a job that handed its mail to SMTP but died (or lost its database) before its commit is
        # run again: the one window where a mail can go twice, with the same Message-ID
        check(scenario, "no mail delivered twice, except jobs cut between SMTP hand-over and commit",
              duplicated <= in_flight, f"{duplicated} delivered twice (same Message-ID), {in_flight} jobs in flight")
    else:
        check(scenario, "no mail delivered twice", duplicated == 0, f"{duplicated} delivered more than once")


def expected_tasks_present(scenario, ids):
    """Both user tasks of every instance exist (nothing lost, nothing rolled back)."""
    per = psql("SELECT proc_inst_id_, COUNT(*) FROM act_hi_taskinst WHERE proc_inst_id_ IN "
               f"{in_list(ids)} GROUP BY proc_inst_id_")
    counts = {r[0]: int(r[1]) for r in per}
    lost = [i for i in ids if counts.get(i, 0) < 2]
    check(scenario, "every started instance has its two tasks", not lost, f"{len(ids)} instances, {len(lost)} lost")


# ---------------------------------------------------------------------------------------------
# Fault scenarios

def scenario_crash(a, b, smtp):
    s = "crash"
    n = N[s]
    log(f"== node crash: {n} instances started on node A, A killed (-9) while it runs their jobs")
    killed = threading.Event()
    snapshot = {}

    def maybe_kill(count):
        if count >= n // 2 and not killed.is_set():
            killed.set()
            snapshot["locked"] = scalar("SELECT COUNT(*) FROM act_ru_job WHERE lock_exp_time_ > now()")
            snapshot["logged"] = scalar("SELECT COUNT(*) FROM notification_log")
            a.kill9()
            snapshot["at"] = time.time()
            log(f"   node A killed after {count} starts; jobs locked at that moment: {snapshot['locked']}")

    ids, failures = start_many([a, b], "crash", n, threads=4, on_started=maybe_kill)
    ids = list(ids.values())
    in_db = instances_with_prefix("crash")
    COUNTS["crash: instances started (200 answers)"] = len(ids)
    COUNTS["crash: start attempts failed over to B"] = len(failures)
    COUNTS["crash: jobs locked when A died"] = snapshot.get("locked", 0)
    done = wait_for(lambda: pending_jobs(in_db) == 0, LOCK_TIME_MS / 1000 + 120, 1)
    took = time.time() - snapshot.get("at", time.time())
    COUNTS["crash: seconds from kill to all jobs done"] = round(took)
    check(s, "node A was killed during the run", killed.is_set())
    check(s, "every acknowledged start is in the database", set(ids) <= set(in_db),
          f"{len(ids)} acknowledged, {len(set(ids) - set(in_db))} missing")
    check(s, "node B ran every job, those locked by A included (after lock expiry)", done,
          f"{pending_jobs(in_db)} jobs left")
    expected_tasks_present(s, in_db)
    mail_checks(s, in_db, smtp, in_flight=snapshot.get("locked", 0))
    log("   restarting node A")
    a.start()
    check(s, "node A restarts and joins", a.health() == 200)
    return in_db


def scenario_smtp(a, b, smtp, crash_ids):
    s = "smtp"
    n = N[s]
    log(f"== SMTP outage: SMTP stopped, {n} instances started and 10 tasks completed, then SMTP back")
    since = psql("SELECT MAX(start_time_) FROM act_hi_taskinst")[0][0]  # the nodes' clock, not the database's
    smtp.stop()
    ids, _ = start_many([a, b], "smtp", n, threads=4)
    ids = list(ids.values())
    # users complete work during the outage: their completions must stay committed
    reviews = psql("SELECT id_, proc_inst_id_ FROM act_ru_task WHERE task_def_key_ = 'Task_ReviewNonOpposition'"
                   f" AND proc_inst_id_ IN {in_list(crash_ids)} LIMIT 10")
    completed = 0
    for i, (task, _) in enumerate(reviews):
        r = http("POST", f"{(a, b)[i % 2].url}/engine-rest/task/{task}/complete", "marc",
                 body={"variables": {"decision": {"value": "NO_OPPOSITION"}}})
        completed += r.status == 204
    check(s, "task completions accepted while SMTP is down", completed == len(reviews),
          f"{completed}/{len(reviews)}")
    health = [nd.health() for nd in (a, b)]
    check(s, "both nodes report healthy while SMTP is down", health == [200, 200], str(health))
    all_ids = ids + [r[1] for r in reviews]
    mail_jobs = f"SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IN {in_list(all_ids)} " \
                "AND (duedate_ IS NULL OR duedate_ < now() + interval '1 hour')"
    incidents = lambda: scalar(f"SELECT COUNT(*) FROM act_ru_incident WHERE proc_inst_id_ IN {in_list(all_ids)}")
    jobs = scalar(mail_jobs)
    exhausted = wait_for(lambda: incidents() >= jobs and jobs > 0, 120, 2)
    retried = scalar(f"SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IN {in_list(all_ids)}"
                     " AND exception_msg_ IS NOT NULL")
    COUNTS["smtp: mail jobs failing during the outage"] = jobs
    COUNTS["smtp: incidents after retries exhausted"] = incidents()
    check(s, "every failing mail job retried then raised an incident", exhausted,
          f"{jobs} jobs, {incidents()} incidents")
    still_done = scalar("SELECT COUNT(*) FROM act_hi_taskinst WHERE task_def_key_ = 'Task_ReviewNonOpposition' "
                        f"AND end_time_ IS NOT NULL AND id_ IN {in_list([r[0] for r in reviews])}")
    check(s, "completed tasks not rolled back", still_done == len(reviews), f"{still_done}/{len(reviews)}")
    check(s, "no notification logged while SMTP was down",
          scalar("SELECT COUNT(*) FROM notification_log WHERE sent_at > now() - interval '10 minutes' AND "
                 f"dedup_key IN (SELECT 'task-created:' || id_ FROM act_hi_taskinst WHERE proc_inst_id_ IN {in_list(ids)})") == 0)
    smtp.start()
    # an operator retries the incidents (Cockpit "retry", here through the REST API as admin)
    failed = [r[0] for r in psql("SELECT id_ FROM act_ru_job WHERE retries_ = 0 AND process_instance_id_ IN "
                                 f"{in_list(all_ids)}")]
    r = http("POST", f"{a.url}/engine-rest/job/retries", "admin", body={"jobIds": failed, "retries": 1})
    check(s, "incidents retried by the operator", r.status in (200, 204), f"HTTP {r.status}, {len(failed)} jobs")
    # the retry batch runs as batch jobs; wait for all mail jobs to go
    done = wait_for(lambda: scalar(mail_jobs) == 0 and incidents() == 0, 120, 2)
    check(s, "all mails sent after SMTP is back, incidents resolved", done,
          f"{scalar(mail_jobs)} jobs, {incidents()} incidents left")
    COUNTS["smtp: retried jobs with an exception message"] = retried
    expected_tasks_present(s, ids)
    # the tasks of this scenario: the crash scenario judged the earlier tasks of the 10 instances
    # whose reviews were completed here, with its own tolerance for mails cut by the crash
    mail_checks(s, all_ids, smtp, since=since)


def pg_restart():
    version = os.listdir("/etc/postgresql")[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast"],
                   check=True, timeout=120)


def scenario_db(a, b, smtp):
    s = "db"
    n = N[s]
    log(f"== database restart: PostgreSQL restarted while {n} instances are started and their jobs run")
    restarted = threading.Event()
    t0 = {}

    def maybe_restart(count):
        if count >= n // 3 and not restarted.is_set():
            restarted.set()
            t0["start"] = time.time()
            threading.Thread(target=lambda: (pg_restart(), t0.__setitem__("end", time.time())), daemon=True).start()

    ids, failures = start_many([a, b], "db", n, threads=4, retry_for=120, on_started=maybe_restart)
    ids = list(ids.values())
    wait_for(lambda: "end" in t0, 120)
    COUNTS["db: restart duration (s)"] = round(t0.get("end", 0) - t0.get("start", 0), 1)
    COUNTS["db: start attempts refused during the restart (retried by the client)"] = len(failures)
    check(s, "PostgreSQL restarted under load", "end" in t0)
    in_db = instances_with_prefix("db")
    done = wait_for(lambda: pending_jobs(in_db) == 0, 180, 2)
    check(s, "every acknowledged start is in the database", set(ids) <= set(in_db),
          f"{len(ids)} acknowledged, {len(set(ids) - set(in_db))} missing")
    check(s, "both nodes healthy without a restart", a.health() == 200 and b.health() == 200)
    fresh = [start_instance(nd, f"dbafter-{nd.name}").status for nd in (a, b)]
    check(s, "both nodes serve new starts", fresh == [200, 200], str(fresh))
    check(s, "all jobs done after the restart", done, f"{pending_jobs(in_db)} left")
    incidents = scalar(f"SELECT COUNT(*) FROM act_ru_incident WHERE proc_inst_id_ IN {in_list(in_db)}")
    check(s, "no incident left", incidents == 0, f"{incidents}")
    expected_tasks_present(s, in_db)
    # at most max-pool-size (10, the starter default) jobs run at once per node
    mail_checks(s, in_db, smtp, in_flight=2 * 10)


def scenario_race(a, b):
    s = "race"
    n = N[s]
    log(f"== concurrent completion: {n} tasks each completed at the same moment by two users on two nodes")
    # a second member of the innovation unit, so that two users share the consultation task
    http("POST", f"{a.url}/engine-rest/user/create", "admin", body={
        "profile": {"id": "ivan", "firstName": "Ivan", "lastName": "Second", "email": "ivan@example.org"},
        "credentials": {"password": PASSWORD}})
    http("PUT", f"{a.url}/engine-rest/group/innovation-unit/members/ivan", "admin")
    ids, _ = start_many([a], "race", n, threads=2)
    statuses = collections.Counter()
    bad = []
    for i, pid in enumerate(ids.values()):
        if i % 2 == 0:  # the manager's review, sent from two tabs on two nodes
            act, users, variables = "Task_ReviewNonOpposition", ("marc", "marc"), {"decision": {"value": "NO_OPPOSITION"}}
        else:  # the innovation unit's consultation, two members at once
            act, users, variables = "Task_InnovationUnitConsultation", ("ines", "ivan"), {"support": {"value": "NONE"}}
        task = psql(f"SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = '{pid}' AND task_def_key_ = '{act}'")[0][0]
        barrier = threading.Barrier(2)

        def complete(node, user):
            barrier.wait()
            return http("POST", f"{node.url}/engine-rest/task/{task}/complete", user, body={"variables": variables})

        with futures.ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda nu: complete(*nu), [(a, users[0]), (b, users[1])]))
        codes = sorted(x.status for x in answers)
        for x in answers:
            statuses[x.status] += 1
        ok_count = sum(1 for c in codes if 200 <= c < 300)
        loser = [x for x in answers if not 200 <= x.status < 300]
        if ok_count != 1 or any(not (400 <= x.status < 500) or not x.message() for x in loser):
            bad.append((codes, [x.body[:200] for x in loser]))
        completed = scalar(f"SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = '{pid}' "
                           f"AND act_id_ = '{act}' AND end_time_ IS NOT NULL")
        if completed != 1:
            bad.append(("review completed", completed))
    COUNTS["race: answers by status"] = dict(statuses)
    # a task completed the moment it appears, while its announcement job is being run
    quick = collections.Counter()
    for i in range(n):
        r = start_instance(a, f"quick-{i:04d}")
        pid = r.json()["id"]
        task = psql(f"SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = '{pid}' AND task_def_key_ = 'Task_ReviewNonOpposition'")[0][0]
        quick[http("POST", f"{(a, b)[i % 2].url}/engine-rest/task/{task}/complete", "marc",
                   body={"variables": {"decision": {"value": "NO_OPPOSITION"}}}).status] += 1
    COUNTS["race: completions during the task's announcement, by status"] = dict(quick)
    check(s, "a task completed while its announcement runs is accepted", set(quick) == {204}, str(dict(quick)))
    check(s, "one 2xx and one clear 4xx per race, state consistent", not bad, str(bad[:3]))
    check(s, "no 500 in any race", not any(c >= 500 for c in statuses), str(dict(statuses)))


# ---------------------------------------------------------------------------------------------
# Hostile input

LEAKS = re.compile(r"(\tat |\bat org\.|\bat java\.|org\.postgresql|org\.apache\.ibatis|### |SQLState|"
                   r"\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|Caused by)", re.S)


def clean_4xx(answer):
    return 400 <= answer.status < 500 and bool(answer.message()) and not LEAKS.search(answer.body)


def hostile_values():
    mb = "x" * (1024 * 1024)
    return {
        "wrong type (object)": {"value": {"a": 1}, "type": "Json"},
        "wrong type (boolean)": {"value": True},
        "wrong type (number for text)": {"value": 12345},
        "1 MB string": {"value": mb},
        "NUL and control characters": {"value": "a\u0000b\u0007c"},
        "lone surrogate": {"value": "\ud800abc"},
        "expression ${...}": {"value": "${execution.setVariable('pwned', true)}"},
        "expression #{...}": {"value": "#{runtimeService}"},
        "java-serialized object": {"value": base64.b64encode(b"\xac\xed\x00\x05t\x00\x04evil").decode(),
                                   "type": "Object",
                                   "valueInfo": {"objectTypeName": "java.lang.String",
                                                 "serializationDataFormat": "application/x-java-serialized-object"}},
        "non-allowed class as JSON": {"value": "{\"command\":[\"touch\",\"/tmp/pwned\"]}", "type": "Object",
                                      "valueInfo": {"objectTypeName": "java.lang.ProcessBuilder",
                                                    "serializationDataFormat": "application/json"}},
        "file variable": {"value": base64.b64encode(b"MZ").decode(), "type": "File",
                          "valueInfo": {"filename": "x.exe"}},
    }


def form_fields(form_id):
    path = os.path.join("forms", form_id + ".form")
    fields = []

    def walk(components):
        for c in components:
            if c.get("key") and c.get("type") not in ("text", "button"):
                fields.append(c)
            walk(c.get("components", []))

    with open(path, encoding="utf-8") as f:
        walk(json.load(f).get("components", []))
    return fields


def start_forms():
    """(process key, start form id) of every process with a start form, read from processes/."""
    out = []
    for name in sorted(os.listdir("processes")):
        if name.endswith(".bpmn"):
            xml = open(os.path.join("processes", name), encoding="utf-8").read()
            m = re.search(r"<bpmn:startEvent[^>]*camunda:formRef=\"([^\"]+)\"", xml)
            if m:
                out.append((name[:-5], m.group(1)))
    return out


def instance_count(key):
    return scalar("SELECT COUNT(*) FROM act_ru_execution e JOIN act_re_procdef d ON e.proc_def_id_ = d.id_ "
                  f"WHERE e.parent_id_ IS NULL AND d.key_ = '{key}'")


def variable_count():
    return scalar("SELECT COUNT(*) FROM act_ru_variable")


def hostile(a):
    s = "hostile"
    log("== hostile input against node A")
    attempts, refused, failures = 0, 0, []

    def expect_refused(label, answer, stored_before, stored_after):
        nonlocal attempts, refused
        attempts += 1
        ok = clean_4xx(answer) and stored_before == stored_after
        refused += ok
        if not ok:
            failures.append(f"{label}: HTTP {answer.status}, stored {stored_before}->{stored_after}, {answer.body[:160]!r}")

    # 1. every start form, through /start and /submit-form
    for key, form in start_forms():
        fields = form_fields(form)
        payloads = {"missing fields": {}, "unknown extra field": {"budget": {"value": 1000}},
                    "server-set field": {"initiator": {"value": "marc"}}}
        for label, value in hostile_values().items():
            payloads[label] = {f["key"]: value for f in fields}
        for label, variables in payloads.items():
            for endpoint in ("start", "submit-form"):
                before = instance_count(key)
                r = http("POST", f"{a.url}/engine-rest/process-definition/key/{key}/{endpoint}", "admin",
                         body={"variables": variables})
                expect_refused(f"{key} {endpoint} {label}", r, before, instance_count(key))

    # 2. task completion: a review task of marc
    ids, _ = start_many([a], "hostile", 1, threads=1)
    pid = list(ids.values())[0]
    task = psql(f"SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = '{pid}' AND task_def_key_ = 'Task_ReviewNonOpposition'")[0][0]
    task_payloads = {"missing fields": {}, "unknown extra field": {"budget": {"value": 1}},
                     "read-only or server field": {"initiator": {"value": "marc"}}}
    for label, value in hostile_values().items():
        task_payloads[label] = {"decision": value, "oppositionReason": value}
    task_payloads["option not allowed"] = {"decision": {"value": "MAYBE"}}
    task_payloads["SQL-looking option"] = {"decision": {"value": "NO_OPPOSITION' OR '1'='1"}}
    for label, variables in task_payloads.items():
        for endpoint in ("complete", "submit-form"):
            before = variable_count()
            r = http("POST", f"{a.url}/engine-rest/task/{task}/{endpoint}", "marc", body={"variables": variables})
            open_after = scalar(f"SELECT COUNT(*) FROM act_ru_task WHERE id_ = '{task}'")
            expect_refused(f"task {endpoint} {label}", r, (before, 1), (variable_count(), open_after))
    # variables written around the form: not allowed to the task's assignee
    for label, value in hostile_values().items():
        before = variable_count()
        r = http("PUT", f"{a.url}/engine-rest/task/{task}/variables/injected", "marc", body=value)
        expect_refused(f"task variable PUT {label}", r, before, variable_count())
    before = variable_count()
    r = http("POST", f"{a.url}/engine-rest/process-instance/{pid}/variables", "alice",
             body={"modifications": {"injected": {"value": "x"}}})
    expect_refused("process variables by the initiator", r, before, variable_count())

    # 3. hostile text that is valid data: stored literally, never evaluated, escaped where shown
    title = "<script>alert(1)</script><img src=x onerror=alert(2)> ${1+1} #{2} '; DROP TABLE initiative;-- =cmd|' /C calc'!A0 é漢😀\u202e"
    r = http("POST", f"{a.url}/engine-rest/process-definition/key/{PROCESS}/start", "alice",
             body={"variables": {**declaration("x")["variables"], "title": {"value": title[:120]}}})
    attempts += 1
    literal = None
    if r.status == 200:
        literal = http("GET", f"{a.url}/engine-rest/process-instance/{r.json()['id']}/variables/title", "admin").json()
    stored_ok = r.status == 200 and literal and literal.get("value") == title[:120]
    if r.status == 400 and clean_4xx(r):
        stored_ok = True  # refused cleanly is also acceptable
    refused += bool(stored_ok)
    if not stored_ok:
        failures.append(f"hostile but valid title: HTTP {r.status} {r.body[:160]!r}")
    check(s, "hostile text accepted as data is stored literally (no expression evaluated)", stored_ok,
          f"HTTP {r.status}")
    escaped = mail_escaping(a)
    check(s, "user text is HTML-escaped in mails (Thymeleaf th:text)", escaped[0], escaped[1])

    # 4. deployment by a non-admin, oversized and hostile register imports
    bpmn = open(os.path.join("processes", PROCESS + ".bpmn"), "rb").read()
    boundary = "----reliability" + uuid.uuid4().hex
    multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n"
                 f"--{boundary}\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\n"
                 "Content-Type: application/xml\r\n\r\n").encode() + bpmn + f"\r\n--{boundary}--\r\n".encode()
    for user in ("alice", "ines", "hugo"):
        before = scalar("SELECT COUNT(*) FROM act_re_deployment")
        r = http("POST", f"{a.url}/engine-rest/deployment/create", user, body=multipart,
                 content_type=f"multipart/form-data; boundary={boundary}")
        expect_refused(f"deployment by {user}", r, before, scalar("SELECT COUNT(*) FROM act_re_deployment"))
        if r.status != 403:
            failures.append(f"deployment by {user}: expected 403, got {r.status}")

    header = "firstName,lastName,phone,area,ageBand,complexity,consentDate,sourceRegister\n"
    registered = lambda: scalar("SELECT COUNT(*) FROM registered_person")
    big = (header + "Jean,Dupont,0102030405,North,75-84,LOW,2026-01-10,CCAS\n" * 120000).encode()
    csvs = {
        "oversized CSV body (6 MB)": (big, "text/csv"),
        "formula injection": ((header + "=HYPERLINK(\"http://x\"),Dupont,0102030405,North,75-84,LOW,2026-01-10,CCAS\n").encode(), "text/csv"),
        "formula injection (@)": ((header + "Jean,@SUM(1+1),0102030405,North,75-84,LOW,2026-01-10,CCAS\n").encode(), "text/csv"),
        "not UTF-8": ((header + "Jean,Dupont\xe9,0102030405,North,75-84,LOW,2026-01-10,CCAS\n").encode("latin-1"), "text/csv"),
        "SQL in a cell": ((header + "Jean,Dupont'); DROP TABLE registered_person;--,0102030405,North,75-84,LOW,2026-01-10,CCAS\n"
                           "Jean,Dupont,not-a-phone,North,75-84,LOW,2026-01-10,CCAS\n").encode(), "text/csv"),
        "1 MB cell": ((header + "Jean," + "x" * 1024 * 1024 + ",0102030405,North,75-84,LOW,2026-01-10,CCAS\n").encode(), "text/csv"),
        "empty file": (b"", "text/csv"),
    }
    big_part = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
                "Content-Type: text/csv\r\n\r\n").encode() + big + f"\r\n--{boundary}--\r\n".encode()
    csvs["oversized multipart upload (6 MB)"] = (big_part, f"multipart/form-data; boundary={boundary}")
    try:
        has_register = registered() >= 0
    except RuntimeError:
        has_register = False
    for label, (content, ctype) in csvs.items():
        before = registered() if has_register else 0
        try:
            r = http("POST", f"{a.url}/api/register/import", "hugo", body=content, content_type=ctype)
        except Exception as e:  # noqa: BLE001 - a server closing the connection on an oversized body
            r = Answer(599, str(e), {})
        expect_refused(f"register import {label}", r, before, registered() if has_register else 0)

    COUNTS["hostile: attempts"] = attempts
    COUNTS["hostile: refused cleanly (4xx, message, nothing stored, no internals)"] = refused
    check(s, f"every hostile attempt refused cleanly ({refused}/{attempts})", not failures,
          "; ".join(failures[:6]) + (f" ... (+{len(failures) - 6})" if len(failures) > 6 else ""))


def mail_escaping(a):
    """The opposition mail of an initiative titled with HTML (sent to the initiator): HTML part escaped."""
    title = "<script>x</script><img src=y onerror=z>"
    r = http("POST", f"{a.url}/engine-rest/process-definition/key/{PROCESS}/start", "alice",
             body={"variables": {**declaration("x")["variables"], "title": {"value": title}}})
    if r.status != 200:
        return False, f"start refused: HTTP {r.status}"
    pid = r.json()["id"]
    task = psql(f"SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = '{pid}' AND task_def_key_ = 'Task_ReviewNonOpposition'")[0][0]
    # right away, while the task's announcement job may be running (a 409 before the fix, see
    # docs/reliability.md)
    done = http("POST", f"{a.url}/engine-rest/task/{task}/complete", "marc", body={"variables": {
        "decision": {"value": "OPPOSITION"}, "oppositionReason": {"value": "Not during the winter road works, sorry"}}})
    if done.status != 204:
        return False, f"opposition refused: HTTP {done.status} {done.body[:200]}"
    found = []

    def look():
        for u in http("GET", Smtp.api + "/api/user").json() or []:
            for m in http("GET", f"{Smtp.api}/api/user/{u['email']}/messages/INBOX").json() or []:
                raw = m.get("mimeMessage", "")
                if "&lt;script&gt;x&lt;/script&gt;" in raw or "<script>x</script>" in raw or "PHNjcmlwdD54" in raw:
                    found.append(raw)
        return bool(found)

    wait_for(look, 60, 2)
    if not found:
        return False, "no mail carrying the title arrived"
    html_raw, html_escaped = 0, 0
    for raw in found:
        msg = email.message_from_string(raw)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                body = part.get_payload(decode=True).decode("utf-8", "replace")
                html_raw += "<script>" in body or "<img src=y" in body
                html_escaped += "&lt;script&gt;" in body
    return html_raw == 0 and html_escaped > 0, f"{len(found)} mail(s), {html_escaped} escaped, {html_raw} raw"


# ---------------------------------------------------------------------------------------------
# Security checks

ENGINE_REST_ROOTS = [
    "engine", "process-definition", "process-definition/count", "process-definition/key/x/start",
    "process-instance", "process-instance/count", "task", "task/count", "task/x/complete", "task/x/form",
    "deployment", "deployment/create", "job", "job/retries", "job-definition", "incident", "execution",
    "variable-instance", "history/process-instance", "history/task", "history/activity-instance",
    "history/variable-instance", "history/detail", "history/incident", "history/cleanup", "user", "user/create",
    "group", "authorization", "authorization/create", "filter", "decision-definition", "message", "signal",
    "external-task", "external-task/fetchAndLock", "batch", "metrics", "tenant", "identity/groups",
    "migration/execute", "modification/execute", "event-subscription", "schema/log", "telemetry/data", "version",
    "condition", "case-definition", "process-definition/key/initiative-without-prior-permission/form-variables",
]


def api_mappings(node):
    """Every /api path of the application, from Spring's request mappings (actuator, test nodes only)."""
    j = http("GET", node.url + "/actuator/mappings").json() or {}
    out = set()
    for ctx in j.get("contexts", {}).values():
        for m in ctx.get("mappings", {}).get("dispatcherServlets", {}).get("dispatcherServlet", []):
            cond = (m.get("details") or {}).get("requestMappingConditions") or {}
            methods = cond.get("methods") or ["GET"]
            for p in cond.get("patterns", []):
                if p.startswith("/api"):
                    for method in methods:
                        out.add((method, re.sub(r"\{[^}]+\}", "x", p)))
    return sorted(out)


def webapp_login(node, user, password, app):
    """Logs in to a Camunda webapp; returns (status, every Set-Cookie header seen).
    Cookies are handled by hand: over plain HTTP a cookie jar would not send back a Secure cookie
    (prod), and the test must see the flags anyway."""
    cookies, raw = {}, []

    def keep(headers):
        for c in headers.get_all("Set-Cookie") or []:
            raw.append(c)
            name, _, rest = c.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]

    try:
        with urllib.request.urlopen(f"{node.url}/camunda/app/{app}/default/", timeout=30) as r:
            keep(r.headers)
    except urllib.error.HTTPError as e:
        keep(e.headers)
    data = urllib.parse.urlencode({"username": user, "password": password}).encode()
    req = urllib.request.Request(f"{node.url}/camunda/api/admin/auth/user/default/login/{app}", data=data,
                                 method="POST", headers={
                                     "X-XSRF-TOKEN": cookies.get("XSRF-TOKEN", ""),
                                     "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
                                     "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            keep(r.headers)
            return r.status, raw
    except urllib.error.HTTPError as e:
        keep(e.headers)
        return e.code, raw


def security(a):
    s = "security"
    log("== security checks")
    apis = api_mappings(a)
    paths = [("GET", f"/engine-rest/{p}") for p in ENGINE_REST_ROOTS] + \
            [("POST", f"/engine-rest/{p}") for p in ENGINE_REST_ROOTS] + apis
    not_401 = []
    for method, path in paths:
        # colin: a wrong password locks the account for a while (login delay); colin is not used later
        for user, pw in ((None, None), ("colin", "wrong-password"), ("nobody", "demo")):
            body = {} if method in ("POST", "PUT") else None
            r = http(method, a.url + path, user, pw, body=body)
            if r.status != 401 or LEAKS.search(r.body):
                not_401.append(f"{method} {path} as {user}: {r.status}")
    COUNTS["security: /api mappings found"] = len(apis)
    COUNTS["security: unauthenticated requests (paths x no/wrong credentials)"] = len(paths) * 3
    check(s, "api mappings enumerated from the application", len(apis) >= 10, f"{len(apis)}")
    check(s, "401 on every /engine-rest and /api path without valid credentials", not not_401, str(not_401[:5]))

    forbidden = {
        "deployment list": ("GET", "/engine-rest/deployment?maxResults=50"),
        "user creation": ("POST", "/engine-rest/user/create"),
        "authorization creation": ("POST", "/engine-rest/authorization/create"),
        "process definition suspension": ("PUT", f"/engine-rest/process-definition/key/{PROCESS}/suspended"),
        "hotline register import": ("POST", "/api/register/import"),
        "hotline campaign data": ("GET", "/api/campaigns/x"),
        "batch list": ("GET", "/engine-rest/batch?maxResults=50"),
        "history cleanup": ("POST", "/engine-rest/history/cleanup"),
    }
    wrong = []
    for label, (method, path) in forbidden.items():
        body = {"user creation": {"profile": {"id": "evil"}, "credentials": {"password": "evilevilevil1"}},
                "authorization creation": {"type": 1, "permissions": ["ALL"], "userId": "alice", "resourceType": 0,
                                           "resourceId": "*"},
                "process definition suspension": {"suspended": True, "includeProcessInstances": True},
                }.get(label, {} if method != "GET" else None)
        ctype = "text/csv" if "register" in path else None
        if ctype:
            body = b"firstName\n"
        r = http(method, a.url + path, "alice", body=body, content_type=ctype)
        ok = r.status == 403 or (label == "deployment list" and r.status == 200 and r.json() == [])
        if label == "batch list":
            ok = r.status == 403 or (r.status == 200 and r.json() == [])
        if not ok:
            wrong.append(f"{label}: {r.status}")
    for app in ("cockpit", "admin"):
        status, _ = webapp_login(a, "alice", "demo", app)
        if status != 403:
            wrong.append(f"login to {app}: {status}")
    status, _ = webapp_login(a, "alice", "demo", "tasklist")
    if status != 200:
        wrong.append(f"login to tasklist: {status} (expected 200)")
    check(s, "plain agent alice refused on Cockpit, Admin, deployments, users, hotline data", not wrong, str(wrong))
    COUNTS["security: forbidden checks for alice"] = len(forbidden) + 3


def prod_checks():
    s = "prod"
    log("== prod profile node")
    # a password the guard must refuse before anything starts: it contains the administrator's id
    refused = Node("prod-refused", PORT_PROD, profile="prod", db=PROD_DB,
                   env={"ADMIN_PASSWORD": "Admin-password-42!"})
    refused.start(wait=False)
    code = refused.proc.wait(120)
    text = open(os.path.join(WORK, "prod-refused.log"), encoding="utf-8", errors="replace").read()
    check(s, "a password against the policy is refused at start with a clear message",
          code != 0 and "does not follow the password policy" in text, f"exit {code}")
    node = Node("prod", PORT_PROD, profile="prod", db=PROD_DB, env={"ADMIN_PASSWORD": PROD_PASSWORD})
    node.start()
    try:
        status, cookies = webapp_login(node, "admin", PROD_PASSWORD, "tasklist")
        session = [c for c in cookies if c.startswith("JSESSIONID")]
        check(s, "admin logs in", status == 200, f"HTTP {status}")
        check(s, "session cookie Secure and HttpOnly", session and all(
            "secure" in c.lower() and "httponly" in c.lower() for c in session), str(session))
        r = http("GET", node.url + "/camunda/app/tasklist/default/")
        hsts = r.headers.get("Strict-Transport-Security") if r.headers else None
        check(s, "HSTS header on the webapps", bool(hsts), str(hsts))
        users = http("GET", node.url + "/engine-rest/user?maxResults=100", "admin", PROD_PASSWORD).json() or []
        users = users if isinstance(users, list) else []
        check(s, "no demo user in prod", [u["id"] for u in users] == ["admin"], str([u.get("id") for u in users]))
        r = http("GET", node.url + "/engine-rest/user", "alice", "demo")
        check(s, "demo password refused", r.status == 401, f"HTTP {r.status}")
        check(s, "no actuator mappings in prod", http("GET", node.url + "/actuator/mappings").status in (401, 403, 404))
    finally:
        node.stop()


# ---------------------------------------------------------------------------------------------

def main():
    os.makedirs(WORK, exist_ok=True)
    for name in ("greenmail", "node-a", "node-b", "prod"):
        if os.path.exists(os.path.join(WORK, name + ".log")):
            os.remove(os.path.join(WORK, name + ".log"))
    t0 = time.time()
    smtp = Smtp()
    try:
        if ONLY == ["prod"]:
            prod_checks()
            return finish(t0)
        smtp.start()
        log("== starting node A (creates the schema), then node B")
        a = Node("node-a", PORT_A, extra=cluster_args()).start()
        b = Node("node-b", PORT_B, extra=cluster_args()).start()
        log(f"   both nodes up after {time.time() - t0:.0f} s")
        want = lambda name: not ONLY or name in ONLY
        if want("security"):
            security(a)
        if want("hostile"):
            hostile(a)
        if want("race"):
            scenario_race(a, b)
        crash_ids = scenario_crash(a, b, smtp) if want("crash") else []
        if want("smtp"):
            scenario_smtp(a, b, smtp, crash_ids)
        if want("db"):
            scenario_db(a, b, smtp)
        a.stop()
        b.stop()
        if want("prod") and (not SHORT or ONLY):
            prod_checks()
    except Exception as e:  # noqa: BLE001 - report and fail
        import traceback
        traceback.print_exc()
        check("suite", "ran to the end", False, repr(e))
    finally:
        stop_all()
    finish(t0)


def finish(t0):
    stop_all()
    print("\n== counts")
    for k, v in COUNTS.items():
        print(f"  {k}: {v}")
    passed = sum(1 for r in RESULTS if r[2])
    failed = len(RESULTS) - passed
    print(f"\n{passed} passed, {failed} failed ({time.time() - t0:.0f} s)")
    for r in RESULTS:
        if not r[2]:
            print(f"  FAILED [{r[0]}] {r[1]}: {r[3]}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: (stop_all(), sys.exit(143)))
    main()
