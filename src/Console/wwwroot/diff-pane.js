// The diff pane's Monaco models: one pair per pane, named after the pane, updated in place.
// Each call runs to completion in the browser, so updates sent one after another cannot interleave.
window.runnerConsole = window.runnerConsole || {};
window.runnerConsole.diffPane = (() => {
    const uri = (id, side) => monaco.Uri.parse(`inmemory://runner-console/${id}/${side}.yaml`);
    const editorOf = id => window.blazorMonaco.editors.find(e => e.id === id)?.editor ?? null;

    const model = (id, side, text) => {
        const existing = monaco.editor.getModel(uri(id, side));
        if (existing === null) {
            return monaco.editor.createModel(text, "yaml", uri(id, side));
        }

        if (existing.getValue() !== text) {
            existing.setValue(text);
        }

        return existing;
    };

    return {
        // Shows the two texts in the pane's diff editor; false when the editor is not (or no longer) on the page.
        show(id, original, modified, theme) {
            const editor = editorOf(id);
            if (editor === null) {
                return false;
            }

            const pair = { original: model(id, "original", original), modified: model(id, "modified", modified) };
            const current = editor.getModel();
            if (current === null || current.original !== pair.original || current.modified !== pair.modified) {
                editor.setModel(pair);
            }

            monaco.editor.setTheme(theme);
            return true;
        },

        // Frees the pane's models; detaches them first when the editor is still there (Monaco refuses to lose a model
        // a diff editor shows).
        release(id) {
            editorOf(id)?.setModel(null);
            for (const side of ["original", "modified"]) {
                monaco.editor.getModel(uri(id, side))?.dispose();
            }
        },
    };
})();
