using System.Diagnostics;
using RunnerConsole.Core.Policy;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Preview;

/// <summary>
/// The live preview: renders the values off the UI thread, evaluates the policy, and keeps the selected object.
/// A newer request always wins; an older render finishing late is dropped. With <paramref name="shared"/>, circuits
/// whose inputs are equal hold one result instead of one each.
/// </summary>
public sealed class PreviewModel(IPreviewRenderer renderer, SharedPreviews? shared = null)
{
    private long _generation;
    private string _selectedYaml = string.Empty;

    public PreviewResult Current { get; private set; } = PreviewResult.Pending;

    public bool IsRendering { get; private set; }

    /// <summary>How long the last render plus policy evaluation took.</summary>
    public TimeSpan LastDuration { get; private set; }

    public ObjectKey? Selected { get; private set; }

    /// <summary>The field a policy finding pointed at in the selected object, if any.</summary>
    public string? SelectedField { get; private set; }

    public event Action? Updated;

    /// <summary>Increases with every published change (result or selection): views re-render only when it moved.</summary>
    public long Version { get; private set; }

    public Manifest? SelectedManifest => Selected is { } key ? Current.Find(key) : null;

    /// <summary>YAML of the selected object, secrets masked; computed once per render or selection, not per page render.</summary>
    public string SelectedYaml => _selectedYaml;

    /// <summary>Renders <paramref name="values"/> in the background and publishes the result unless a newer request came in.</summary>
    public async Task RefreshAsync(RunnerValues values, string releaseName, string @namespace)
    {
        var generation = Interlocked.Increment(ref _generation);
        IsRendering = true;
        var selected = Selected;
        var (result, yaml) = await Task.Run(
            () =>
            {
                var built = Build(values, releaseName, @namespace, out _);
                return (built, YamlOf(built, selected));
            },
            CancellationToken.None);
        if (generation != Interlocked.Read(ref _generation))
        {
            return;
        }

        Current = result;
        IsRendering = false;
        if (Selected != selected)
        {
            yaml = YamlOf(result, Selected);
        }

        if (Selected is { } key && result.Find(key) is null)
        {
            Selected = null;
            SelectedField = null;
        }

        _selectedYaml = yaml;
        Version++;
        Updated?.Invoke();
    }

    /// <summary>One synchronous render and policy evaluation; a renderer failure becomes a user-facing sentence.</summary>
    public PreviewResult Build(RunnerValues values, string releaseName, string @namespace, out TimeSpan elapsed)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Values with a secret typed in are never shared: no other circuit could have them, and they are not to be
            // kept (nor their presence told by a faster preview) beyond this circuit.
            return shared is null || ValuesJson.HasInlineSecrets(values)
                ? Render(values, releaseName, @namespace)
                : shared.GetOrBuild(new PreviewInputs(renderer, values, releaseName, @namespace), () => Render(values, releaseName, @namespace));
        }
        finally
        {
            elapsed = Stopwatch.GetElapsedTime(started);
            LastDuration = elapsed;
        }
    }

    /// <summary>Shows <paramref name="key"/> in the YAML viewer, optionally pointing at <paramref name="fieldPath"/>.</summary>
    public void Select(ObjectKey? key, string? fieldPath = null)
    {
        Selected = key;
        SelectedField = fieldPath;
        _selectedYaml = YamlOf(Current, key);
        Version++;
        Updated?.Invoke();
    }

    /// <summary>All objects as one YAML stream with secrets masked, built off the UI thread (for the bundle download).</summary>
    public Task<string> BundleAsync() => Task.Run(() => PreviewYaml.Bundle(Current.Manifests));

    /// <summary>Selects the object a policy finding is about.</summary>
    public void Select(PolicyObjectRef objectRef, string fieldPath) =>
        Select(Current.Manifests.FirstOrDefault(m => m.Kind == objectRef.Kind && m.Name == objectRef.Name && m.Namespace == objectRef.Namespace)?.Key, fieldPath);

    private PreviewResult Render(RunnerValues values, string releaseName, string @namespace)
    {
        try
        {
            var manifests = renderer.Render(values, releaseName, @namespace);
            var report = PolicyEngine.Evaluate(manifests);
            return new PreviewResult(manifests, KindGroup.From(manifests), report, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Exception text is for developers; the preview says what the user can do about it.
            return new PreviewResult(ManifestSet.Empty, [], null, "The preview cannot be rendered from these values yet. Fix the problems shown in the form; the preview updates by itself.");
        }
    }

    private static string YamlOf(PreviewResult result, ObjectKey? key) =>
        key is not null && result.Find(key) is { } manifest ? PreviewYaml.Of(manifest) : string.Empty;
}
