namespace RunnerConsole.E2E.Tests.Infrastructure;

/// <summary>
/// The in-page measurement of the live preview, shared by the browser test and <c>bench/console.sh</c> (which links
/// this file) so both report the same figure.
/// </summary>
internal static class PreviewTiming
{
    // Sets an input's value the way typing does and resolves once the YAML viewer shows it: the time from the field
    // change to the updated preview, measured inside the page (no Playwright round trips in the number).
    public const string TimeEditScript = """
        (input, value) => new Promise(resolve => {
            const start = performance.now();
            const shown = () => {
                const region = document.querySelector('[aria-label="YAML of Deployment tool-manager"]');
                return region !== null && region.textContent.includes('KUBIYA_RUNNER_NAME') && region.textContent.includes(value);
            };
            const observer = new MutationObserver(() => {
                if (shown()) { observer.disconnect(); resolve(performance.now() - start); }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
        })
        """;
}
