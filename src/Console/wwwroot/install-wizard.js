// Saves text as a file without a server round trip: the install wizard's values export and manifest bundle.
window.runnerConsole = window.runnerConsole || {};
window.runnerConsole.downloadText = (fileName, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
};
