using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Preview;

/// <summary>
/// Lets circuits whose wizards hold equal inputs show one and the same <see cref="PreviewResult"/> (a singleton):
/// every wizard opens on the default values, and a preview (the rendered objects, their tree and the policy report)
/// is about 100 KB. Results are held weakly, so nothing outlives the circuits showing it, and are immutable, so
/// sharing them changes nothing a circuit sees.
/// </summary>
public sealed class SharedPreviews
{
    private readonly Lock _gate = new();
    private readonly Dictionary<PreviewInputs, WeakReference<PreviewResult>> _live = [];

    /// <summary>The live result for these inputs if a circuit shows one; otherwise <paramref name="build"/>'s, kept for the next.</summary>
    public PreviewResult GetOrBuild(PreviewInputs inputs, Func<PreviewResult> build)
    {
        if (TryGet(inputs) is { } shown)
        {
            return shown;
        }

        var built = build();
        lock (_gate)
        {
            // Another circuit may have rendered the same inputs meanwhile: keep one copy.
            if (_live.TryGetValue(inputs, out var weak) && weak.TryGetTarget(out var first))
            {
                return first;
            }

            // Inputs whose result no circuit holds any more (collected) go at once: their values, typed credentials
            // among them, are not kept here for later.
            foreach (var (key, _) in _live.Where(e => !e.Value.TryGetTarget(out _)).ToList())
            {
                _live.Remove(key);
            }

            _live[inputs] = new WeakReference<PreviewResult>(built);
            return built;
        }
    }

    /// <summary>How many inputs have a result some circuit still holds (for tests and diagnostics).</summary>
    public int LiveCount
    {
        get
        {
            lock (_gate)
            {
                return _live.Values.Count(w => w.TryGetTarget(out _));
            }
        }
    }

    private PreviewResult? TryGet(PreviewInputs inputs)
    {
        lock (_gate)
        {
            return _live.TryGetValue(inputs, out var weak) && weak.TryGetTarget(out var result) ? result : null;
        }
    }
}

/// <summary>Everything a preview depends on: the renderer (by identity), the values (by value) and where they go.</summary>
public sealed record PreviewInputs(IPreviewRenderer Renderer, RunnerValues Values, string ReleaseName, string Namespace);
