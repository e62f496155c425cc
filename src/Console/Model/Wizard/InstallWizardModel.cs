using RunnerConsole.Core.Values;
using RunnerConsole.Model.Clusters;
using RunnerConsole.Model.Preview;

namespace RunnerConsole.Model.Wizard;

/// <summary>
/// All state and logic of the install wizard, one per circuit (scoped), so a wizard re-entered in the same circuit
/// keeps its state. Values are immutable; every edit replaces them, revalidates with Core's validator (the CLI's
/// messages) and refreshes the preview in the background.
/// </summary>
public sealed class InstallWizardModel
{
    public const string DefaultReleaseName = "kubiya-runner";

    // Release names become part of Secret names (sh.helm.release.v1.<name>.v<n>); Helm caps them at 53.
    private const int MaxReleaseNameLength = 53;

    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    public InstallWizardModel(IClusterDirectory directory, PreviewModel preview)
    {
        Cluster = new ClusterStepModel(directory);
        Preview = preview;
        Cluster.Changed += OnClusterChanged;
        Errors = ValuesValidator.Validate(Values);
    }

    public ClusterStepModel Cluster { get; }

    public PreviewModel Preview { get; }

    public RunnerValues Values { get; private set; } = RunnerValues.Defaults;

    /// <summary>Every validation error of <see cref="Values"/>, as the CLI reports them.</summary>
    public IReadOnlyList<ValuesError> Errors { get; private set; }

    public string ReleaseName { get; private set; } = DefaultReleaseName;

    public string? ReleaseNameError =>
        ReleaseName.Length == 0 ? "is required" : KubernetesNames.CheckLabel(ReleaseName, MaxReleaseNameLength);

    public int StepIndex { get; set; }

    public WizardStep Step => (WizardStep)StepIndex;

    /// <summary>True once the user changed anything in this circuit (a reload restore must not overwrite it).</summary>
    public bool IsDirty { get; private set; }

    /// <summary>When set, every field shows its error, not only the ones the user touched (after an import or restore).</summary>
    public bool ShowAllErrors { get; private set; }

    /// <summary>Problems of the last import; empty when it succeeded or none was tried.</summary>
    public IReadOnlyList<ImportProblem> ImportProblems { get; private set; } = [];

    /// <summary>Labels of secret fields whose values were not restored after a reload and must be entered again.</summary>
    public IReadOnlyList<string> SecretsToReenter { get; private set; } = [];

    /// <summary>The last hand-off to the diff stage, for the page at <c>/install/plan</c>.</summary>
    public ReviewHandoff? Handoff { get; private set; }

    /// <summary>Raised after every change of values, cluster or step.</summary>
    public event Action? Changed;

    /// <summary>The hand-off point to "diff before apply": raised by <see cref="CompleteReview"/>.</summary>
    public event Action<ReviewHandoff>? ReviewCompleted;

    public T Get<T>(ValueField<T> field) => field.Get(Values);

    public void Set<T>(ValueField<T> field, T value)
    {
        _touched.Add(field.Path);
        if (SecretsToReenter.Count > 0 && typeof(T) == typeof(SecretSource))
        {
            SecretsToReenter = [.. SecretsToReenter.Where(l => l != field.Label)];
        }

        Apply(field.Set(Values, value));
    }

    public void SetReleaseName(string name)
    {
        ReleaseName = name.Trim();
        _touched.Add("releaseName");
        IsDirty = true;
        Changed?.Invoke();
        _ = RefreshPreviewAsync();
    }

    /// <summary>The messages of errors at <paramref name="path"/> or below it, once the field was touched; null when none.</summary>
    public string? ErrorFor(string path)
    {
        if (!ShowAllErrors && !_touched.Contains(path))
        {
            return null;
        }

        var messages = Errors.Where(e => ValuesValidator.IsUnder(e.Path, path)).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join("; ", messages);
    }

    public bool IsTouched(string path) => _touched.Contains(path);

    public IReadOnlyList<ValuesError> ErrorsOf(WizardStep step)
    {
        var info = WizardStepInfo.Of(step);
        return [.. Errors.Where(e => info.Owns(e.Path))];
    }

    /// <summary>Whether Next may leave <paramref name="step"/>.</summary>
    public bool CanLeave(WizardStep step) => step switch
    {
        WizardStep.Cluster => Cluster.IsValid && ReleaseNameError is null,
        WizardStep.Review => IsReadyForReview,
        _ => ErrorsOf(step).Count == 0,
    };

    /// <summary>Everything is valid: the values, the cluster and the release name.</summary>
    public bool IsReadyForReview => Errors.Count == 0 && Cluster.IsValid && ReleaseNameError is null;

    /// <summary>Replaces the values with a values file's; on syntax or type errors nothing changes and the problems are kept.</summary>
    public bool Import(string yaml)
    {
        var loaded = ValuesLoader.Load(yaml, validate: false);
        if (loaded.Values is null || loaded.Errors.Count > 0)
        {
            ImportProblems = [.. loaded.Errors.Select(e => new ImportProblem(e))];
            Changed?.Invoke();
            return false;
        }

        ImportProblems = [];
        SecretsToReenter = [];
        ShowAllErrors = true;
        Apply(loaded.Values);
        return true;
    }

    public void ClearImportProblems()
    {
        ImportProblems = [];
        Changed?.Invoke();
    }

    /// <summary>The form as a values file, every typed-in secret redacted.</summary>
    public string Export() => ValuesWriter.ToYaml(Values, redactSecrets: true);

    /// <summary>What may be kept in browser storage: everything but secret values.</summary>
    public WizardSnapshot ToSnapshot()
    {
        var (values, removed) = SecretFields.WithoutSecretValues(Values);
        return new WizardSnapshot(
            ValuesWriter.ToYaml(values, redactSecrets: false), Cluster.Context, Cluster.Namespace, ReleaseName, StepIndex,
            [.. removed.Concat(SecretsToReenter).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Restores a snapshot taken before a reload; secrets named in it must be entered again.</summary>
    public async Task RestoreAsync(WizardSnapshot snapshot, CancellationToken cancellationToken)
    {
        var loaded = ValuesLoader.Load(snapshot.ValuesYaml, validate: false);
        if (loaded.Values is not null && loaded.Errors.Count == 0)
        {
            Values = loaded.Values;
            Errors = ValuesValidator.Validate(Values);
        }

        ReleaseName = snapshot.ReleaseName;
        SecretsToReenter = snapshot.RemovedSecrets;
        ShowAllErrors = true;
        if (snapshot.Context.Length > 0 && Cluster.Choices.Any(c => c.Context == snapshot.Context))
        {
            await Cluster.SelectContextAsync(snapshot.Context, cancellationToken);
        }

        await Cluster.SetNamespaceAsync(snapshot.Namespace, cancellationToken);

        // Land on the first step that still needs something (the secrets, usually), never past it.
        var firstOpen = WizardStepInfo.All.Select(i => i.Step).FirstOrDefault(s => !CanLeave(s), WizardStep.Review);
        StepIndex = Math.Min(snapshot.StepIndex, (int)firstOpen);
        Changed?.Invoke();
        await RefreshPreviewAsync();
    }

    /// <summary>
    /// Starts the wizard from a deployed release's values ("edit values" → upgrade): the form is filled, the cluster,
    /// namespace and release are those of the release, and the review step is the landing point.
    /// </summary>
    public async Task StartFromAsync(RunnerValues values, string context, string @namespace, string releaseName, CancellationToken cancellationToken)
    {
        Values = values;
        Errors = ValuesValidator.Validate(Values);
        ReleaseName = releaseName;
        SecretsToReenter = [];
        ShowAllErrors = true;
        if (Cluster.Choices.Any(c => c.Context == context))
        {
            await Cluster.SelectContextAsync(context, cancellationToken);
        }

        await Cluster.SetNamespaceAsync(@namespace, cancellationToken);
        StepIndex = (int)WizardStep.Components;
        Changed?.Invoke();
        await RefreshPreviewAsync();
    }

    public void GoTo(int stepIndex)
    {
        StepIndex = Math.Clamp(stepIndex, 0, WizardStepInfo.All.Count - 1);
        Changed?.Invoke();
    }

    /// <summary>Hands the reviewed install to the diff stage; only valid values can be handed off.</summary>
    public ReviewHandoff CompleteReview()
    {
        if (!IsReadyForReview)
        {
            throw new InvalidOperationException("The wizard has open problems; fix them before continuing.");
        }

        Handoff = new ReviewHandoff(Values, Cluster.Context, Cluster.Namespace, ReleaseName);
        ReviewCompleted?.Invoke(Handoff);
        return Handoff;
    }

    public Task RefreshPreviewAsync() => Preview.RefreshAsync(Values, ReleaseName, Cluster.Namespace);

    private void Apply(RunnerValues values)
    {
        Values = values;
        Errors = ValuesValidator.Validate(values);
        IsDirty = true;
        Changed?.Invoke();
        _ = RefreshPreviewAsync();
    }

    private void OnClusterChanged()
    {
        Changed?.Invoke();
        if (!Cluster.IsChecking)
        {
            _ = RefreshPreviewAsync();
        }
    }
}
