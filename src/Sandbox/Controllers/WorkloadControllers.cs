using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox.Controllers;

/// <summary>
/// Simulated controllers: Deployments (with ReplicaSets), StatefulSets, DaemonSets, ReplicaSets, Jobs, bare Pods,
/// CronJobs (when triggered) and namespace default service accounts. They converge status after
/// <see cref="Delay"/> (or a per-object <see cref="WorkloadBehavior"/>), on the sandbox's <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkloadControllers : IDisposable
{
    public const string NodeName = "sandbox-node";

    private const string Deployments = "deployments.apps";
    private const string ReplicaSets = "replicasets.apps";
    private const string StatefulSets = "statefulsets.apps";
    private const string DaemonSets = "daemonsets.apps";
    private const string Jobs = "jobs.batch";
    private const string CronJobs = "cronjobs.batch";
    private const string Pods = "pods";

    private readonly SandboxServer _server;
    private readonly object _gate = new();
    private readonly Dictionary<(string Key, string Ns, string Name), (ITimer Timer, DateTimeOffset Due)> _pending = [];
    private readonly Dictionary<(string Key, string Ns, string Name), WorkloadBehavior> _behaviors = [];
    private readonly Dictionary<(string Key, string Ns, string Name), ITimer> _crashTimers = [];
    private readonly Dictionary<string, DateTimeOffset> _podCreated = new(StringComparer.Ordinal);
    private DateTimeOffset? _nextDue;
    private bool _started;
    private bool _disposed;

    internal WorkloadControllers(SandboxServer server)
    {
        _server = server;
        Delay = TimeSpan.FromMilliseconds(50);
    }

    /// <summary>How long a workload takes to converge after a change (default from <see cref="SandboxOptions.ControllerDelay"/>).</summary>
    public TimeSpan Delay { get; set; }

    private ObjectStore Store => _server.Store;

    private TimeProvider Time => _server.Time;

    private static string KeyOf(string kind) => kind.ToLowerInvariant() switch
    {
        "deployment" or "deployments" => Deployments,
        "statefulset" or "statefulsets" => StatefulSets,
        "daemonset" or "daemonsets" => DaemonSets,
        "replicaset" or "replicasets" => ReplicaSets,
        "job" or "jobs" => Jobs,
        "cronjob" or "cronjobs" => CronJobs,
        "pod" or "pods" => Pods,
        _ => throw new ArgumentException($"no simulated controller for '{kind}' (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, Pod)", nameof(kind)),
    };

    /// <summary>Overrides how one workload behaves (kind: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or Pod).</summary>
    public void SetBehavior(string kind, string ns, string name, WorkloadBehavior behavior)
    {
        var key = (KeyOf(kind), ns, name);
        lock (_gate)
        {
            _behaviors[key] = behavior;
        }

        Schedule(key.Item1, ns, name, TimeSpan.Zero);
    }

    public void ClearBehaviors()
    {
        lock (_gate)
        {
            _behaviors.Clear();
        }
    }

    internal void Start()
    {
        _started = true;
        Store.Changed += OnChanged;
    }

    /// <summary>Runs a CronJob now: creates its Job and records <c>status.lastScheduleTime</c>.</summary>
    public string TriggerCronJob(string ns, string name)
    {
        lock (Store.Gate)
        {
            var cj = Store.Get(CronJobs, ns, name) ?? throw new InvalidOperationException($"cronjobs.batch \"{name}\" not found in {ns}");
            var now = Time.GetUtcNow();
            var jobName = $"{name}-{now.ToUnixTimeSeconds() / 60}";
            if (Store.Get(Jobs, ns, jobName) is not null)
            {
                jobName += "-" + RandomSuffix(3);
            }

            var template = Json.At(cj.Obj, "spec", "jobTemplate") as JsonObject ?? new JsonObject();
            var job = new JsonObject
            {
                ["kind"] = "Job",
                ["apiVersion"] = "batch/v1",
                ["metadata"] = new JsonObject
                {
                    ["name"] = jobName,
                    ["namespace"] = ns,
                    ["labels"] = Json.At(template, "metadata", "labels")?.DeepClone(),
                    ["annotations"] = new JsonObject { ["cronjob.kubernetes.io/instantiate"] = "manual" },
                    ["ownerReferences"] = OwnerRefs(cj.Obj, "batch/v1", "CronJob"),
                },
                ["spec"] = Json.At(template, "spec")?.DeepClone() ?? new JsonObject(),
            };
            if (Json.At(job, "metadata", "labels") is null)
            {
                Json.Meta(job).Remove("labels");
            }

            Create(Jobs, job);
            var copy = (JsonObject)cj.Obj.DeepClone();
            var status = Json.Obj(copy, "status");
            status["lastScheduleTime"] = Json.Timestamp(now);
            var active = status["active"] as JsonArray ?? new JsonArray();
            active.Add(new JsonObject { ["kind"] = "Job", ["namespace"] = ns, ["name"] = jobName, ["apiVersion"] = "batch/v1", ["uid"] = Json.Str(job, "metadata", "uid") });
            status["active"] = active;
            Store.Put(CronJobs, copy);
            return jobName;
        }
    }

    private void OnChanged(StoreEvent e)
    {
        if (_disposed)
        {
            return;
        }

        var o = e.Object;
        switch (e.StorageKey)
        {
            case "namespaces" when e.Type == "ADDED":
                Schedule("namespaces", "", o.Name, TimeSpan.Zero);
                return;
            case Deployments or StatefulSets or DaemonSets or ReplicaSets or Jobs:
                if (e.Type == "DELETED")
                {
                    Forget(e.StorageKey, o.Namespace, o.Name);
                    return;
                }

                if (e.Type == "ADDED" || SpecChanged(e))
                {
                    // Controllers act at once (new ReplicaSets and pods appear); pods get ready after the delay.
                    Schedule(e.StorageKey, o.Namespace, o.Name, TimeSpan.Zero);
                }

                return;
            case Pods:
                {
                    var uid = Json.Str(o.Obj, "metadata", "uid") ?? "";
                    if (e.Type == "ADDED")
                    {
                        lock (_gate)
                        {
                            _podCreated[uid] = Time.GetUtcNow();
                        }
                    }
                    else if (e.Type == "DELETED")
                    {
                        lock (_gate)
                        {
                            _podCreated.Remove(uid);
                        }
                    }

                    var owner = ControllerOf(o.Obj);
                    if (owner is null)
                    {
                        if (e.Type == "ADDED" || SpecChanged(e))
                        {
                            Schedule(Pods, o.Namespace, o.Name, TimeSpan.Zero);
                        }
                    }
                    else if (e.Type == "DELETED" && owner.Value.Key is { } key)
                    {
                        // A controller replaces a deleted pod.
                        Schedule(key, o.Namespace, owner.Value.Name, TimeSpan.Zero);
                    }

                    return;
                }
        }
    }

    private static bool SpecChanged(StoreEvent e) =>
        e.Previous is null
        || !Json.DeepEquals(Json.SpecPart(e.Previous.Obj), Json.SpecPart(e.Object.Obj))
        || !Json.DeepEquals(Json.At(e.Previous.Obj, "metadata", "annotations"), Json.At(e.Object.Obj, "metadata", "annotations"));

    private static (string? Key, string Name)? ControllerOf(JsonObject obj)
    {
        foreach (var r in (Json.At(obj, "metadata", "ownerReferences") as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (Json.Bool(r, "controller") != true)
            {
                continue;
            }

            var key = Json.Str(r, "kind") switch
            {
                "ReplicaSet" => ReplicaSets,
                "StatefulSet" => StatefulSets,
                "DaemonSet" => DaemonSets,
                "Job" => Jobs,
                _ => null,
            };
            return (key, Json.Str(r, "name") ?? "");
        }

        return null;
    }

    /// <summary>The override set on the object, else on its controlling owner (a ReplicaSet inherits its Deployment's).</summary>
    private WorkloadBehavior BehaviorFor(string key, JsonObject obj, int depth = 0)
    {
        lock (_gate)
        {
            if (_behaviors.TryGetValue((key, Json.Namespace(obj), Json.Name(obj)), out var b))
            {
                return b;
            }
        }

        var own = WorkloadBehavior.Parse(Json.Str(obj, "metadata", "annotations", WorkloadBehavior.Annotation))
            ?? WorkloadBehavior.Parse(Json.Str(obj, "spec", "template", "metadata", "annotations", WorkloadBehavior.Annotation));
        if (own is not null)
        {
            return own;
        }

        var owner = (Json.At(obj, "metadata", "ownerReferences") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => Json.Bool(r, "controller") == true);
        var ownerKey = Json.Str(owner, "kind") switch
        {
            "Deployment" => Deployments,
            "ReplicaSet" => ReplicaSets,
            "StatefulSet" => StatefulSets,
            "DaemonSet" => DaemonSets,
            "Job" => Jobs,
            "CronJob" => CronJobs,
            _ => null,
        };
        if (ownerKey is not null && depth < 4 && Store.Get(ownerKey, Json.Namespace(obj), Json.Str(owner, "name") ?? "") is { } parent)
        {
            return OwnerBehavior(ownerKey, parent.Obj, depth + 1);
        }

        return WorkloadBehavior.Normal;
    }

    /// <summary>An owner's override as it applies to its children: set explicitly or on the owner's own metadata (its
    /// pod template annotations reach a child through the child's own copy of that template).</summary>
    private WorkloadBehavior OwnerBehavior(string key, JsonObject obj, int depth)
    {
        lock (_gate)
        {
            if (_behaviors.TryGetValue((key, Json.Namespace(obj), Json.Name(obj)), out var b))
            {
                return b;
            }
        }

        if (WorkloadBehavior.Parse(Json.Str(obj, "metadata", "annotations", WorkloadBehavior.Annotation)) is { } own)
        {
            return own;
        }

        var owner = (Json.At(obj, "metadata", "ownerReferences") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => Json.Bool(r, "controller") == true);
        return Json.Str(owner, "kind") == "Deployment" && depth < 4 && Store.Get(Deployments, Json.Namespace(obj), Json.Str(owner, "name") ?? "") is { } parent
            ? OwnerBehavior(Deployments, parent.Obj, depth + 1)
            : WorkloadBehavior.Normal;
    }

    /// <summary>When a pod gets to its steady state: its creation plus the controller delay (or its behaviour's).</summary>
    private DateTimeOffset PodDue(JsonObject pod, WorkloadBehavior behavior)
    {
        DateTimeOffset created;
        lock (_gate)
        {
            if (!_podCreated.TryGetValue(Json.Str(pod, "metadata", "uid") ?? "", out created))
            {
                return DateTimeOffset.MinValue;
            }
        }

        return created + (behavior.Takes ?? Delay);
    }

    /// <summary>Asks for the reconcile running now to run again at <paramref name="due"/>.</summary>
    private void Again(DateTimeOffset due)
    {
        if (_nextDue is null || due < _nextDue)
        {
            _nextDue = due;
        }
    }

    private void Schedule(string key, string ns, string name, TimeSpan delay)
    {
        lock (_gate)
        {
            if (delay < TimeSpan.Zero)
            {
                delay = TimeSpan.Zero;
            }

            var id = (key, ns, name);
            var due = Time.GetUtcNow() + delay;
            if (_disposed || !_started)
            {
                return;
            }

            if (_pending.TryGetValue(id, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                // A change arrived while a later look (e.g. at a progress deadline) was pending: look sooner.
                pending.Timer.Dispose();
            }

            _pending[id] = (Time.CreateTimer(_ => Run(id), null, delay, Timeout.InfiniteTimeSpan), due);
        }
    }

    private void Forget(string key, string ns, string name)
    {
        lock (_gate)
        {
            if (_pending.Remove((key, ns, name), out var t))
            {
                t.Timer.Dispose();
            }

            if (_crashTimers.Remove((key, ns, name), out var c))
            {
                c.Dispose();
            }
        }
    }

    private void Run((string Key, string Ns, string Name) id)
    {
        lock (_gate)
        {
            if (_pending.Remove(id, out var t))
            {
                t.Timer.Dispose();
            }

            if (_disposed)
            {
                return;
            }
        }

        try
        {
            lock (Store.Gate)
            {
                _nextDue = null;
                Reconcile(id.Key, id.Ns, id.Name);
                if (_nextDue is { } due)
                {
                    _nextDue = null;
                    Schedule(id.Key, id.Ns, id.Name, due - Time.GetUtcNow() + TimeSpan.FromMilliseconds(1));
                }
            }
        }
        catch (Exception ex)
        {
            System.Diagnostics.Debug.WriteLine($"sandbox controller {id}: {ex}");
        }
    }

    private void Reconcile(string key, string ns, string name)
    {
        if (key == "namespaces")
        {
            if (Store.Get("namespaces", "", name) is not null && Store.Get("serviceaccounts", name, "default") is null)
            {
                Create("serviceaccounts", new JsonObject
                {
                    ["kind"] = "ServiceAccount",
                    ["apiVersion"] = "v1",
                    ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = name },
                });
            }

            return;
        }

        var stored = Store.Get(key, ns, name);
        if (stored is null)
        {
            return;
        }

        var behavior = BehaviorFor(key, stored.Obj);
        switch (key)
        {
            case Deployments:
                ReconcileDeployment(stored.Obj, behavior);
                break;
            case ReplicaSets:
                ReconcileReplicaSet(stored.Obj, behavior);
                break;
            case StatefulSets:
                ReconcileStatefulSet(stored.Obj, behavior);
                break;
            case DaemonSets:
                ReconcileDaemonSet(stored.Obj, behavior);
                break;
            case Jobs:
                ReconcileJob(stored.Obj, behavior);
                break;
            case Pods:
                SetPodStatus(Pods, stored.Obj, behavior, runToCompletion: Json.Str(stored.Obj, "spec", "restartPolicy") == "Never");
                break;
        }

        if (behavior.Mode == WorkloadMode.CrashLoop && key != Jobs)
        {
            EnsureCrashTimer(key, ns, name, behavior.RestartEvery);
        }
    }

    private void EnsureCrashTimer(string key, string ns, string name, TimeSpan every)
    {
        lock (_gate)
        {
            if (_disposed || _crashTimers.ContainsKey((key, ns, name)))
            {
                return;
            }

            _crashTimers[(key, ns, name)] = Time.CreateTimer(_ => CrashTick(key, ns, name), null, every, every);
        }
    }

    private void CrashTick(string key, string ns, string name)
    {
        try
        {
            lock (Store.Gate)
            {
                var owner = Store.Get(key, ns, name);
                if (owner is null || BehaviorFor(key, owner.Obj).Mode != WorkloadMode.CrashLoop)
                {
                    Forget(key, ns, name);
                    return;
                }

                foreach (var pod in PodsOwnedBy(owner.Obj, key == Deployments))
                {
                    var copy = (JsonObject)pod.Obj.DeepClone();
                    foreach (var cs in (Json.At(copy, "status", "containerStatuses") as JsonArray)?.OfType<JsonObject>() ?? [])
                    {
                        cs["restartCount"] = (Json.Long(cs, "restartCount") ?? 0) + 1;
                        Json.Obj(cs, "lastState")["terminated"] = Terminated(1, "Error");
                    }

                    Store.Put(Pods, copy);
                }
            }
        }
        catch (Exception ex)
        {
            System.Diagnostics.Debug.WriteLine($"sandbox crash loop {key} {ns}/{name}: {ex}");
        }
    }

    private IEnumerable<StoredObject> PodsOwnedBy(JsonObject owner, bool viaReplicaSets)
    {
        var uids = new HashSet<string> { Json.Str(owner, "metadata", "uid") ?? "" };
        if (viaReplicaSets)
        {
            foreach (var rs in Owned(ReplicaSets, owner))
            {
                uids.Add(Json.Str(rs.Obj, "metadata", "uid") ?? "");
            }
        }

        return Store.List(Pods, Json.Namespace(owner)).Where(p => OwnerUids(p.Obj).Any(uids.Contains)).ToList();
    }

    private static IEnumerable<string> OwnerUids(JsonObject obj) =>
        (Json.At(obj, "metadata", "ownerReferences") as JsonArray)?.OfType<JsonObject>().Select(r => Json.Str(r, "uid") ?? "") ?? [];

    private List<StoredObject> Owned(string key, JsonObject owner)
    {
        var uid = Json.Str(owner, "metadata", "uid");
        return Store.List(key, Json.Namespace(owner)).Where(o => OwnerUids(o.Obj).Contains(uid)).ToList();
    }

    // ------------------------------------------------------------------ workloads

    private void ReconcileDeployment(JsonObject d, WorkloadBehavior behavior)
    {
        var ns = Json.Namespace(d);
        var name = Json.Name(d);
        var replicas = Json.Long(d, "spec", "replicas") ?? 1;
        var template = Json.At(d, "spec", "template") as JsonObject ?? new JsonObject();
        var hash = TemplateHash(template);
        var rsName = $"{name}-{hash}";
        var revision = 1L;
        foreach (var old in Owned(ReplicaSets, d))
        {
            revision = Math.Max(revision, (Json.Long(old.Obj, "metadata", "annotations", "deployment.kubernetes.io/revision") ?? ParseLong(Json.Str(old.Obj, "metadata", "annotations", "deployment.kubernetes.io/revision"))) + 1);
        }

        var existing = Store.Get(ReplicaSets, ns, rsName);
        JsonObject rs;
        if (existing is null)
        {
            var podTemplate = (JsonObject)template.DeepClone();
            Json.Obj(Json.Obj(podTemplate, "metadata"), "labels")["pod-template-hash"] = hash;
            var selector = (Json.At(d, "spec", "selector") as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
            Json.Obj(selector, "matchLabels")["pod-template-hash"] = hash;
            var labels = Json.At(template, "metadata", "labels")?.DeepClone() as JsonObject ?? new JsonObject();
            labels["pod-template-hash"] = hash;
            rs = new JsonObject
            {
                ["kind"] = "ReplicaSet",
                ["apiVersion"] = "apps/v1",
                ["metadata"] = new JsonObject
                {
                    ["name"] = rsName,
                    ["namespace"] = ns,
                    ["labels"] = labels,
                    ["annotations"] = new JsonObject
                    {
                        ["deployment.kubernetes.io/desired-replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
                        ["deployment.kubernetes.io/max-replicas"] = (replicas + 1).ToString(CultureInfo.InvariantCulture),
                        ["deployment.kubernetes.io/revision"] = revision.ToString(CultureInfo.InvariantCulture),
                    },
                    ["ownerReferences"] = OwnerRefs(d, "apps/v1", "Deployment"),
                },
                ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = podTemplate },
            };
            rs = Create(ReplicaSets, rs);
            Emit(d, "Normal", "ScalingReplicaSet", $"Scaled up replica set {rsName} from 0 to {replicas}", "deployment-controller");
        }
        else
        {
            rs = (JsonObject)existing.Obj.DeepClone();
            var annotations = Json.Obj(Json.Meta(rs), "annotations");
            var current = ParseLong(Json.Str(annotations, "deployment.kubernetes.io/revision"));
            var newest = Owned(ReplicaSets, d).Where(o => o.Name != rsName)
                .Select(o => ParseLong(Json.Str(o.Obj, "metadata", "annotations", "deployment.kubernetes.io/revision"))).DefaultIfEmpty(0).Max();
            var changed = false;
            if (current <= newest)
            {
                // A rollback to an older template makes its ReplicaSet the newest revision again.
                annotations["deployment.kubernetes.io/revision"] = (newest + 1).ToString(CultureInfo.InvariantCulture);
                changed = true;
            }

            if (Json.Long(rs, "spec", "replicas") is { } was && was != replicas)
            {
                Emit(d, "Normal", "ScalingReplicaSet", $"Scaled {(replicas > was ? "up" : "down")} replica set {rsName} from {was} to {replicas}", "deployment-controller");
                rs["spec"]!["replicas"] = replicas;
                annotations["deployment.kubernetes.io/desired-replicas"] = replicas.ToString(CultureInfo.InvariantCulture);
                changed = true;
            }

            if (changed)
            {
                rs = Store.Put(ReplicaSets, rs).Obj;
            }
        }

        revision = ParseLong(Json.Str(rs, "metadata", "annotations", "deployment.kubernetes.io/revision"));

        // The new ReplicaSet first; old ones scale to zero only once it is ready (a stuck rollout keeps the old pods
        // serving, as maxUnavailable does on a real cluster); the history beyond revisionHistoryLimit goes.
        var newRs = Store.Get(ReplicaSets, ns, rsName)!.Obj;
        var newBehavior = BehaviorFor(ReplicaSets, newRs);
        var (_, newReady) = ReconcileReplicaSet(newRs, newBehavior);
        var olds = Owned(ReplicaSets, d).Where(o => o.Name != rsName).ToList();
        long oldReplicasTotal = 0, oldReady = 0;
        foreach (var old in olds)
        {
            var oldObj = old.Obj;
            if (newReady >= replicas && Json.Long(old.Obj, "spec", "replicas") is { } oldReplicas && oldReplicas != 0)
            {
                Emit(d, "Normal", "ScalingReplicaSet", $"Scaled down replica set {old.Name} from {oldReplicas} to 0", "deployment-controller");
                var copy = (JsonObject)old.Obj.DeepClone();
                copy["spec"]!["replicas"] = 0;
                oldObj = Store.Put(ReplicaSets, copy).Obj;
            }

            var (r, rd) = ReconcileReplicaSet(oldObj, BehaviorFor(ReplicaSets, oldObj));
            oldReplicasTotal += r;
            oldReady += rd;
        }

        var limit = Json.Long(d, "spec", "revisionHistoryLimit") ?? 10;
        foreach (var old in olds.Where(o => Json.Long(Store.Get(ReplicaSets, ns, o.Name)?.Obj, "spec", "replicas") == 0)
            .OrderByDescending(o => ParseLong(Json.Str(o.Obj, "metadata", "annotations", "deployment.kubernetes.io/revision"))).Skip((int)limit))
        {
            _server.Api.RemoveNow(_server.Catalog.FindByStorageKey(ReplicaSets)!, ns, old.Name, "Background");
        }

        var ready = newReady + oldReady;
        var total = replicas + oldReplicasTotal;
        var now = Json.Timestamp(Time.GetUtcNow());
        var status = new JsonObject
        {
            ["observedGeneration"] = Json.Long(d, "metadata", "generation") ?? 1,
            ["replicas"] = total,
            ["updatedReplicas"] = replicas,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
        };
        if (total - ready > 0)
        {
            status["unavailableReplicas"] = total - ready;
        }

        if (ready == 0)
        {
            status.Remove("readyReplicas");
            status.Remove("availableReplicas");
        }

        if (replicas == 0)
        {
            status.Remove("updatedReplicas");
        }

        behavior = newBehavior.Mode != WorkloadMode.Normal ? newBehavior : behavior;
        var maxUnavailable = MaxUnavailable(d, replicas);
        var minimumAvailable = ready >= replicas - maxUnavailable;
        var previous = Json.At(d, "status", "conditions") as JsonArray;
        var available = newReady >= replicas && oldReplicasTotal == 0;
        var deadline = Json.Long(d, "spec", "progressDeadlineSeconds") ?? 600;
        var progressingSince = ConditionTime(previous, "Progressing", available ? null : "ReplicaSetUpdated") ?? now;
        var exceeded = !available && behavior.Mode != WorkloadMode.Normal
            && DateTimeOffset.TryParse(progressingSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && Time.GetUtcNow() - since >= TimeSpan.FromSeconds(deadline);
        var conditions = new JsonArray(
            Condition(previous, "Available", minimumAvailable ? "True" : "False", minimumAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                minimumAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
            exceeded
                ? Condition(previous, "Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{rsName}\" has timed out progressing.", now)
                : available
                    ? Condition(previous, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", now)
                    : Condition(previous, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{rsName}\" is progressing.", now));
        status["conditions"] = conditions;
        WriteStatus(Deployments, d, status, ("deployment.kubernetes.io/revision", revision.ToString(CultureInfo.InvariantCulture)));
        if (!available && !exceeded && behavior.Mode != WorkloadMode.Normal)
        {
            // Look again at the progress deadline.
            var wait = TimeSpan.FromSeconds(deadline) - (Time.GetUtcNow() - (DateTimeOffset.TryParse(progressingSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s2) ? s2 : Time.GetUtcNow()));
            Schedule(Deployments, ns, Json.Name(d), wait < TimeSpan.Zero ? TimeSpan.Zero : wait + TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary><c>spec.strategy.rollingUpdate.maxUnavailable</c> as a count (25% by default, rounded down).</summary>
    private static long MaxUnavailable(JsonObject d, long replicas)
    {
        if (Json.Str(d, "spec", "strategy", "type") == "Recreate")
        {
            return replicas;
        }

        var node = Json.At(d, "spec", "strategy", "rollingUpdate", "maxUnavailable");
        if (Json.Long(node) is { } n)
        {
            return n;
        }

        var text = node?.ToString() ?? "25%";
        return text.EndsWith('%') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct)
            ? (long)Math.Floor(replicas * pct / 100)
            : 0;
    }

    private static long ParseLong(string? s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string? ConditionTime(JsonArray? conditions, string type, string? reason)
    {
        var c = conditions?.OfType<JsonObject>().FirstOrDefault(x => Json.Str(x, "type") == type);
        if (c is null || (reason is not null && Json.Str(c, "reason") != reason))
        {
            return null;
        }

        return Json.Str(c, "lastTransitionTime");
    }

    private static JsonObject Condition(JsonArray? previous, string type, string status, string reason, string message, string now)
    {
        var old = previous?.OfType<JsonObject>().FirstOrDefault(x => Json.Str(x, "type") == type);
        var transition = old is not null && Json.Str(old, "status") == status ? Json.Str(old, "lastTransitionTime") ?? now : now;
        var update = old is not null && Json.Str(old, "status") == status && Json.Str(old, "reason") == reason ? Json.Str(old, "lastUpdateTime") ?? now : now;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = update,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private (long Replicas, long Ready) ReconcileReplicaSet(JsonObject rs, WorkloadBehavior behavior)
    {
        var replicas = Json.Long(rs, "spec", "replicas") ?? 1;
        var pods = Owned(Pods, rs);
        var template = Json.At(rs, "spec", "template") as JsonObject ?? new JsonObject();
        for (var i = pods.Count; i < replicas; i++)
        {
            pods.Add(Store.Get(Pods, Json.Namespace(rs), Json.Name(CreatePod(rs, "ReplicaSet", template, $"{Json.Name(rs)}-{RandomSuffix(5)}", null)))!);
        }

        foreach (var extra in pods.Skip((int)replicas).ToList())
        {
            Store.Remove(Pods, extra.Namespace, extra.Name);
            pods.Remove(extra);
        }

        long ready = 0;
        foreach (var p in pods)
        {
            if (SetPodStatus(Pods, p.Obj, behavior, runToCompletion: false))
            {
                ready++;
            }
        }

        var status = new JsonObject
        {
            ["replicas"] = replicas,
            ["fullyLabeledReplicas"] = replicas,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
            ["observedGeneration"] = Json.Long(rs, "metadata", "generation") ?? 1,
        };
        if (ready == 0)
        {
            status.Remove("readyReplicas");
            status.Remove("availableReplicas");
        }

        if (replicas == 0)
        {
            status.Remove("fullyLabeledReplicas");
        }

        WriteStatus(ReplicaSets, rs, status);
        return (replicas, ready);
    }

    private void ReconcileStatefulSet(JsonObject sts, WorkloadBehavior behavior)
    {
        var name = Json.Name(sts);
        var ns = Json.Namespace(sts);
        var replicas = Json.Long(sts, "spec", "replicas") ?? 1;
        var template = Json.At(sts, "spec", "template") as JsonObject ?? new JsonObject();
        var revision = $"{name}-{TemplateHash(template)}";
        long ready = 0;
        for (var i = 0; i < replicas; i++)
        {
            var podName = $"{name}-{i}";
            var pod = Store.Get(Pods, ns, podName);
            if (pod is not null && Json.Str(pod.Obj, "metadata", "labels", "controller-revision-hash") != revision)
            {
                Store.Remove(Pods, ns, podName);
                pod = null;
            }

            var podObj = pod?.Obj ?? CreatePod(sts, "StatefulSet", template, podName, new Dictionary<string, string>
            {
                ["controller-revision-hash"] = revision,
                ["statefulset.kubernetes.io/pod-name"] = podName,
                ["apps.kubernetes.io/pod-index"] = i.ToString(CultureInfo.InvariantCulture),
            });
            if (SetPodStatus(Pods, Store.Get(Pods, ns, podName)?.Obj ?? podObj, behavior, runToCompletion: false))
            {
                ready++;
            }
        }

        foreach (var p in Owned(Pods, sts))
        {
            var ordinal = ParseLong(p.Name[(p.Name.LastIndexOf('-') + 1)..]);
            if (ordinal >= replicas)
            {
                Store.Remove(Pods, ns, p.Name);
            }
        }

        var status = new JsonObject
        {
            ["observedGeneration"] = Json.Long(sts, "metadata", "generation") ?? 1,
            ["replicas"] = replicas,
            ["readyReplicas"] = ready,
            ["currentReplicas"] = replicas,
            ["updatedReplicas"] = replicas,
            ["availableReplicas"] = ready,
            ["currentRevision"] = revision,
            ["updateRevision"] = revision,
            ["collisionCount"] = 0,
        };
        if (ready == 0)
        {
            status.Remove("readyReplicas");
        }

        WriteStatus(StatefulSets, sts, status);
    }

    private void ReconcileDaemonSet(JsonObject ds, WorkloadBehavior behavior)
    {
        var template = Json.At(ds, "spec", "template") as JsonObject ?? new JsonObject();
        var hash = TemplateHash(template);
        var pods = Owned(Pods, ds);
        foreach (var p in pods.Where(p => Json.Str(p.Obj, "metadata", "labels", "controller-revision-hash") != hash).ToList())
        {
            Store.Remove(Pods, p.Namespace, p.Name);
            pods.Remove(p);
        }

        JsonObject pod = pods.FirstOrDefault()?.Obj
            ?? CreatePod(ds, "DaemonSet", template, $"{Json.Name(ds)}-{RandomSuffix(5)}", new Dictionary<string, string> { ["controller-revision-hash"] = hash, ["pod-template-generation"] = (Json.Long(ds, "metadata", "generation") ?? 1).ToString(CultureInfo.InvariantCulture) });
        var ready = SetPodStatus(Pods, Store.Get(Pods, Json.Namespace(ds), Json.Name(pod))?.Obj ?? pod, behavior, runToCompletion: false) ? 1 : 0;
        var status = new JsonObject
        {
            ["currentNumberScheduled"] = 1,
            ["desiredNumberScheduled"] = 1,
            ["numberMisscheduled"] = 0,
            ["numberReady"] = ready,
            ["observedGeneration"] = Json.Long(ds, "metadata", "generation") ?? 1,
            ["updatedNumberScheduled"] = 1,
            ["numberAvailable"] = ready,
        };
        if (ready == 0)
        {
            status.Remove("numberAvailable");
            status["numberUnavailable"] = 1;
        }

        WriteStatus(DaemonSets, ds, status);
    }

    private void ReconcileJob(JsonObject job, WorkloadBehavior behavior)
    {
        if (Json.Bool(job, "spec", "suspend") == true)
        {
            return;
        }

        var completions = Json.Long(job, "spec", "completions") ?? 1;
        var template = Json.At(job, "spec", "template") as JsonObject ?? new JsonObject();
        var uid = Json.Str(job, "metadata", "uid") ?? "";
        var jobName = Json.Name(job);
        var extra = new Dictionary<string, string>
        {
            ["batch.kubernetes.io/controller-uid"] = uid,
            ["batch.kubernetes.io/job-name"] = jobName,
            ["controller-uid"] = uid,
            ["job-name"] = jobName,
        };
        var pods = Owned(Pods, job);
        var now = Json.Timestamp(Time.GetUtcNow());
        var status = (Json.At(job, "status") as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        Json.SetIfAbsent(status, "startTime", now);
        if (status["conditions"] is JsonArray done && done.OfType<JsonObject>().Any(c => Json.Str(c, "type") is "Complete" or "Failed" && Json.Str(c, "status") == "True"))
        {
            return;
        }

        switch (behavior.Mode)
        {
            case WorkloadMode.NeverReady:
                if (pods.Count == 0)
                {
                    CreatePod(job, "Job", template, $"{jobName}-{RandomSuffix(5)}", extra);
                }

                foreach (var p in Owned(Pods, job))
                {
                    SetPodStatus(Pods, p.Obj, behavior, runToCompletion: false);
                }

                status["active"] = 1;
                status["ready"] = 0;
                status["terminating"] = 0;
                status["uncountedTerminatedPods"] = new JsonObject();
                break;
            case WorkloadMode.CrashLoop when !JobPodsDue(job, template, jobName, extra, behavior, status, pods.Count == 0 ? 1 : 0):
                break;
            case WorkloadMode.CrashLoop:
                {
                    var backoff = Json.Long(job, "spec", "backoffLimit") ?? 6;
                    for (var i = pods.Count; i < backoff + 1; i++)
                    {
                        CreatePod(job, "Job", template, $"{jobName}-{RandomSuffix(5)}", extra);
                    }

                    foreach (var p in Owned(Pods, job))
                    {
                        FinishPod(p.Obj, succeeded: false);
                    }

                    status["failed"] = backoff + 1;
                    status["active"] = 0;
                    status["ready"] = 0;
                    status["terminating"] = 0;
                    status["uncountedTerminatedPods"] = new JsonObject();
                    status["conditions"] = new JsonArray(
                        new JsonObject { ["type"] = "FailureTarget", ["status"] = "True", ["reason"] = "BackoffLimitExceeded", ["message"] = "Job has reached the specified backoff limit", ["lastProbeTime"] = now, ["lastTransitionTime"] = now },
                        new JsonObject { ["type"] = "Failed", ["status"] = "True", ["reason"] = "BackoffLimitExceeded", ["message"] = "Job has reached the specified backoff limit", ["lastProbeTime"] = now, ["lastTransitionTime"] = now });
                    status.Remove("active");
                    break;
                }

            case WorkloadMode.Normal when !JobPodsDue(job, template, jobName, extra, behavior, status, completions - pods.Count):
                break;
            default:
                {
                    for (var i = pods.Count; i < completions; i++)
                    {
                        CreatePod(job, "Job", template, $"{jobName}-{RandomSuffix(5)}", extra);
                    }

                    foreach (var p in Owned(Pods, job))
                    {
                        FinishPod(p.Obj, succeeded: true);
                    }

                    status["succeeded"] = completions;
                    status["ready"] = 0;
                    status["terminating"] = 0;
                    status["completionTime"] = now;
                    status["uncountedTerminatedPods"] = new JsonObject();
                    status.Remove("active");
                    status["conditions"] = new JsonArray(
                        new JsonObject { ["type"] = "SuccessCriteriaMet", ["status"] = "True", ["reason"] = "CompletionsReached", ["message"] = "Reached expected number of succeeded pods", ["lastProbeTime"] = now, ["lastTransitionTime"] = now },
                        new JsonObject { ["type"] = "Complete", ["status"] = "True", ["reason"] = "CompletionsReached", ["message"] = "Reached expected number of succeeded pods", ["lastProbeTime"] = now, ["lastTransitionTime"] = now });
                    UpdateCronJobParent(job, now);
                    break;
                }
        }

        WriteStatus(Jobs, job, status);
    }

    /// <summary>Creates the job's missing pods; false (with the job active) until they have all had their delay.</summary>
    private bool JobPodsDue(JsonObject job, JsonObject template, string jobName, Dictionary<string, string> labels, WorkloadBehavior behavior, JsonObject status, long missing)
    {
        for (var i = 0; i < missing; i++)
        {
            CreatePod(job, "Job", template, $"{jobName}-{RandomSuffix(5)}", labels);
        }

        var now = Time.GetUtcNow();
        var pods = Owned(Pods, job);
        var due = pods.Select(p => PodDue(p.Obj, behavior)).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        if (now >= due)
        {
            return true;
        }

        foreach (var p in pods)
        {
            SetPodStarting(p.Obj);
        }

        status["active"] = pods.Count;
        status["ready"] = 0;
        status["terminating"] = 0;
        status["uncountedTerminatedPods"] = new JsonObject();
        Again(due);
        return false;
    }

    private void UpdateCronJobParent(JsonObject job, string now)
    {
        var owner = (Json.At(job, "metadata", "ownerReferences") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => Json.Str(r, "kind") == "CronJob");
        if (owner is null || Store.Get(CronJobs, Json.Namespace(job), Json.Str(owner, "name") ?? "") is not { } cj)
        {
            return;
        }

        var copy = (JsonObject)cj.Obj.DeepClone();
        var status = Json.Obj(copy, "status");
        status["lastSuccessfulTime"] = now;
        if (status["active"] is JsonArray active)
        {
            foreach (var a in active.OfType<JsonObject>().Where(a => Json.Str(a, "name") == Json.Name(job)).ToList())
            {
                active.Remove(a);
            }

            if (active.Count == 0)
            {
                status.Remove("active");
            }
        }

        Store.Put(CronJobs, copy);
    }

    // ------------------------------------------------------------------ pods

    private JsonObject CreatePod(JsonObject owner, string ownerKind, JsonObject template, string name, Dictionary<string, string>? extraLabels)
    {
        var labels = Json.At(template, "metadata", "labels")?.DeepClone() as JsonObject ?? new JsonObject();
        foreach (var (k, v) in extraLabels ?? [])
        {
            labels[k] = v;
        }

        var spec = Json.At(template, "spec")?.DeepClone() as JsonObject ?? new JsonObject();
        spec["nodeName"] = NodeName;
        Json.SetIfAbsent(spec, "restartPolicy", ownerKind == "Job" ? "Never" : "Always");
        Json.SetIfAbsent(spec, "serviceAccountName", "default");
        Json.SetIfAbsent(spec, "schedulerName", "default-scheduler");
        var pod = new JsonObject
        {
            ["kind"] = "Pod",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Json.Namespace(owner),
                ["labels"] = labels,
                ["ownerReferences"] = OwnerRefs(owner, ownerKind == "Job" ? "batch/v1" : "apps/v1", ownerKind),
            },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" },
        };
        if (Json.At(template, "metadata", "annotations") is JsonObject annotations)
        {
            Json.Meta(pod)["annotations"] = annotations.DeepClone();
        }

        if (ownerKind == "ReplicaSet" || ownerKind == "DaemonSet" || ownerKind == "Job")
        {
            Json.Meta(pod)["generateName"] = ownerKind == "DaemonSet" || ownerKind == "Job" ? Json.Name(owner) + "-" : Json.Name(owner) + "-";
        }

        return Create(Pods, pod);
    }

    /// <summary>Sets a pod's status for the behaviour; returns whether it is ready.</summary>
    private bool SetPodStatus(string key, JsonObject pod, WorkloadBehavior behavior, bool runToCompletion)
    {
        var due = PodDue(pod, behavior);
        if (Time.GetUtcNow() < due)
        {
            SetPodStarting(pod);
            Again(due);
            return false;
        }

        if (runToCompletion && behavior.Mode == WorkloadMode.Normal)
        {
            FinishPod(pod, succeeded: true);
            return false;
        }

        var now = Json.Timestamp(Time.GetUtcNow());
        var previous = Json.At(pod, "status") as JsonObject;
        var started = Json.Str(previous, "startTime") ?? now;
        var ready = behavior.Mode == WorkloadMode.Normal;
        var statuses = new JsonArray();
        foreach (var c in (Json.At(pod, "spec", "containers") as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var cname = Json.Str(c, "name") ?? "container";
            var image = Json.Str(c, "image") ?? "";
            var old = (Json.At(previous, "containerStatuses") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(s => Json.Str(s, "name") == cname);
            var restarts = Json.Long(old, "restartCount") ?? 0;
            var cs = new JsonObject
            {
                ["name"] = cname,
                ["image"] = image,
                ["imageID"] = behavior.Mode == WorkloadMode.NeverReady ? "" : $"sandbox://{image}",
                ["ready"] = ready,
                ["started"] = ready,
                ["restartCount"] = restarts,
            };
            cs["state"] = behavior.Mode switch
            {
                WorkloadMode.NeverReady => new JsonObject
                {
                    ["waiting"] = new JsonObject
                    {
                        ["reason"] = behavior.Reason,
                        ["message"] = behavior.Reason is "ImagePullBackOff" or "ErrImagePull" ? $"Back-off pulling image \"{image}\"" : behavior.Reason,
                    },
                },
                WorkloadMode.CrashLoop => new JsonObject
                {
                    ["waiting"] = new JsonObject
                    {
                        ["reason"] = "CrashLoopBackOff",
                        ["message"] = $"back-off 10s restarting failed container={cname} pod={Json.Name(pod)}_{Json.Namespace(pod)}({Json.Str(pod, "metadata", "uid")})",
                    },
                },
                _ => new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Json.Str(old, "state", "running", "startedAt") ?? now } },
            };
            if (behavior.Mode == WorkloadMode.CrashLoop)
            {
                cs["lastState"] = new JsonObject { ["terminated"] = Terminated(1, "Error") };
            }
            else
            {
                cs["lastState"] = new JsonObject();
            }

            statuses.Add(cs);
        }

        var firstWaiting = Json.Str((Json.At(previous, "containerStatuses") as JsonArray)?.FirstOrDefault(), "state", "waiting", "reason");
        if (previous is null || Json.At(previous, "containerStatuses") is null || firstWaiting == "ContainerCreating")
        {
            if (firstWaiting != "ContainerCreating")
            {
                Emit(pod, "Normal", "Scheduled", $"Successfully assigned {Json.Namespace(pod)}/{Json.Name(pod)} to {NodeName}", "default-scheduler");
            }

            foreach (var c in (Json.At(pod, "spec", "containers") as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var image = Json.Str(c, "image");
                switch (behavior.Mode)
                {
                    case WorkloadMode.NeverReady:
                        Emit(pod, "Warning", "Failed", $"Failed to pull image \"{image}\": {behavior.Reason} (simulated)", "kubelet");
                        Emit(pod, "Normal", "BackOff", $"Back-off pulling image \"{image}\"", "kubelet");
                        break;
                    case WorkloadMode.CrashLoop:
                        Emit(pod, "Warning", "BackOff", $"Back-off restarting failed container {Json.Str(c, "name")} in pod {Json.Name(pod)}", "kubelet");
                        break;
                    default:
                        Emit(pod, "Normal", "Started", $"Started container {Json.Str(c, "name")} (simulated)", "kubelet");
                        break;
                }
            }
        }

        var status = new JsonObject
        {
            ["phase"] = behavior.Mode == WorkloadMode.NeverReady ? "Pending" : "Running",
            ["conditions"] = new JsonArray(
                PodCondition("PodReadyToStartContainers", behavior.Mode != WorkloadMode.NeverReady, now, previous),
                PodCondition("Initialized", true, now, previous),
                PodCondition("Ready", ready, now, previous, ready ? null : "ContainersNotReady"),
                PodCondition("ContainersReady", ready, now, previous, ready ? null : "ContainersNotReady"),
                PodCondition("PodScheduled", true, now, previous)),
            ["hostIP"] = "10.0.0.10",
            ["podIP"] = PodIp(pod),
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = PodIp(pod) }),
            ["startTime"] = started,
            ["containerStatuses"] = statuses,
            ["qosClass"] = "BestEffort",
        };
        WriteStatus(key, pod, status);
        return ready;
    }

    /// <summary>Scheduled, containers being created: what a pod shows before the delay has passed.</summary>
    private void SetPodStarting(JsonObject pod)
    {
        if (Json.At(pod, "status", "containerStatuses") is not null)
        {
            return;
        }

        Emit(pod, "Normal", "Scheduled", $"Successfully assigned {Json.Namespace(pod)}/{Json.Name(pod)} to {NodeName}", "default-scheduler");
        var now = Json.Timestamp(Time.GetUtcNow());
        var statuses = new JsonArray();
        foreach (var c in (Json.At(pod, "spec", "containers") as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            statuses.Add(new JsonObject
            {
                ["name"] = Json.Str(c, "name"),
                ["image"] = Json.Str(c, "image"),
                ["imageID"] = "",
                ["ready"] = false,
                ["started"] = false,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
                ["lastState"] = new JsonObject(),
            });
        }

        WriteStatus(Pods, pod, new JsonObject
        {
            ["phase"] = "Pending",
            ["conditions"] = new JsonArray(
                PodCondition("PodReadyToStartContainers", false, now, null),
                PodCondition("Initialized", true, now, null),
                PodCondition("Ready", false, now, null, "ContainersNotReady"),
                PodCondition("ContainersReady", false, now, null, "ContainersNotReady"),
                PodCondition("PodScheduled", true, now, null)),
            ["hostIP"] = "10.0.0.10",
            ["startTime"] = now,
            ["containerStatuses"] = statuses,
            ["qosClass"] = "BestEffort",
        });
    }

    private static string PodIp(JsonObject pod)
    {
        var h = (uint)StableHash(Json.Namespace(pod) + "/" + Json.Name(pod));
        return $"10.244.{(h >> 8) % 250}.{(h % 250) + 2}";
    }

    private static JsonObject PodCondition(string type, bool value, string now, JsonObject? previous, string? reason = null)
    {
        var old = (Json.At(previous, "conditions") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Json.Str(c, "type") == type);
        var status = value ? "True" : "False";
        var c = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = old is not null && Json.Str(old, "status") == status ? Json.Str(old, "lastTransitionTime") : now,
        };
        if (reason is not null)
        {
            c["reason"] = reason;
        }

        return c;
    }

    private static JsonObject Terminated(int exitCode, string reason) => new()
    {
        ["exitCode"] = exitCode,
        ["reason"] = reason,
    };

    private void FinishPod(JsonObject pod, bool succeeded)
    {
        var now = Json.Timestamp(Time.GetUtcNow());
        var statuses = new JsonArray();
        foreach (var c in (Json.At(pod, "spec", "containers") as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var t = Terminated(succeeded ? 0 : 1, succeeded ? "Completed" : "Error");
            t["startedAt"] = now;
            t["finishedAt"] = now;
            statuses.Add(new JsonObject
            {
                ["name"] = Json.Str(c, "name"),
                ["image"] = Json.Str(c, "image"),
                ["imageID"] = $"sandbox://{Json.Str(c, "image")}",
                ["ready"] = false,
                ["started"] = false,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["terminated"] = t },
                ["lastState"] = new JsonObject(),
            });
        }

        var status = new JsonObject
        {
            ["phase"] = succeeded ? "Succeeded" : "Failed",
            ["conditions"] = new JsonArray(
                PodCondition("Initialized", true, now, null, "PodCompleted"),
                PodCondition("Ready", false, now, null, "PodCompleted"),
                PodCondition("ContainersReady", false, now, null, "PodCompleted"),
                PodCondition("PodScheduled", true, now, null)),
            ["hostIP"] = "10.0.0.10",
            ["podIP"] = PodIp(pod),
            ["startTime"] = Json.Str(pod, "status", "startTime") ?? now,
            ["containerStatuses"] = statuses,
            ["qosClass"] = "BestEffort",
        };
        WriteStatus(Pods, pod, status);
    }

    // ------------------------------------------------------------------ store helpers

    /// <summary>Records a core/v1 Event about <paramref name="involved"/> (what <c>kubectl describe</c> and <c>get events</c> show).</summary>
    private void Emit(JsonObject involved, string type, string reason, string message, string component)
    {
        var ns = Json.Namespace(involved);
        if (ns.Length == 0 || Store.Get("namespaces", "", ns) is null)
        {
            return;
        }

        var now = Json.Timestamp(Time.GetUtcNow());
        var name = $"{Json.Name(involved)}.{Guid.NewGuid():N}"[..Math.Min(Json.Name(involved).Length + 17, 253)];
        Create("events", new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["kind"] = Json.Str(involved, "kind"),
                ["namespace"] = ns,
                ["name"] = Json.Name(involved),
                ["uid"] = Json.Str(involved, "metadata", "uid"),
                ["apiVersion"] = Json.Str(involved, "apiVersion"),
                ["resourceVersion"] = Json.Str(involved, "metadata", "resourceVersion"),
            },
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
            ["type"] = type,
            ["eventTime"] = null,
            ["reportingComponent"] = component,
            ["reportingInstance"] = "",
        });
    }

    private JsonObject Create(string key, JsonObject obj)
    {
        var meta = Json.Meta(obj);
        if (Json.Str(meta, "name") is null or "" && Json.Str(meta, "generateName") is { } prefix)
        {
            meta["name"] = prefix + RandomSuffix(5);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Json.Timestamp(Time.GetUtcNow());
        if (key is Deployments or ReplicaSets or StatefulSets or DaemonSets or Jobs or Pods)
        {
            meta["generation"] = 1;
        }

        return Store.Put(key, obj).Obj;
    }

    private void WriteStatus(string key, JsonObject obj, JsonObject status, (string Key, string Value)? annotation = null)
    {
        var current = Store.Get(key, Json.Namespace(obj), Json.Name(obj));
        if (current is null)
        {
            return;
        }

        var annotationSame = annotation is not { } a || Json.Str(current.Obj, "metadata", "annotations", a.Key) == a.Value;
        if (annotationSame && Json.DeepEquals(current.Obj["status"], status))
        {
            return;
        }

        var copy = (JsonObject)current.Obj.DeepClone();
        copy["status"] = status;
        if (annotation is { } an)
        {
            Json.Obj(Json.Meta(copy), "annotations")[an.Key] = an.Value;
        }

        Store.Put(key, copy);
    }

    private static JsonArray OwnerRefs(JsonObject owner, string apiVersion, string kind) => new(new JsonObject
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = Json.Name(owner),
        ["uid"] = Json.Str(owner, "metadata", "uid"),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    /// <summary>A stable, Kubernetes-looking hash of a pod template (the <c>pod-template-hash</c> label).</summary>
    internal static string TemplateHash(JsonObject template)
    {
        var copy = (JsonObject)template.DeepClone();
        (Json.At(copy, "metadata", "labels") as JsonObject)?.Remove("pod-template-hash");
        var h = (uint)StableHash(Canonical(copy));
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var sb = new StringBuilder();
        var v = (ulong)h * 2654435761UL;
        for (var i = 0; i < 10; i++)
        {
            sb.Append(alphabet[(int)(v % (ulong)alphabet.Length)]);
            v = (v / (ulong)alphabet.Length) ^ (h * (ulong)(i + 7));
        }

        return sb.ToString();
    }

    /// <summary>JSON with object keys sorted, so equal templates hash equally whatever their key order.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => System.Text.Json.JsonSerializer.Serialize(kv.Key) + ":" + Canonical(kv.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var ch in text)
            {
                hash = (hash ^ ch) * 16777619;
            }

            return hash;
        }
    }

    private static string RandomSuffix(int n)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(n, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
            }
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var t in _pending.Values.Select(p => p.Timer).Concat(_crashTimers.Values))
            {
                t.Dispose();
            }

            _pending.Clear();
            _crashTimers.Clear();
        }

        Store.Changed -= OnChanged;
    }
}
