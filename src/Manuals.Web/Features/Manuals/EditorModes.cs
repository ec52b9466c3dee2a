namespace Manuals.Web.Features.Manuals;

/// <summary>The two ways the manual form edits a body (<see cref="ManualFormModel.EditorMode"/>).</summary>
public static class EditorModes
{
    /// <summary>Sections as fields and steps as cards (かんたん編集): the default.</summary>
    public const string Steps = "steps";

    /// <summary>The Markdown text area, for those who want it.</summary>
    public const string Markdown = "markdown";

    /// <summary>Remembers in the browser which editor the writer last switched to.</summary>
    public const string Cookie = "manuals.editor";

    /// <summary>The editor a form opens in: the one the address asks for, else the one last chosen, else the step editor.</summary>
    public static string Chosen(string? requested, string? remembered) =>
        requested is Markdown or Steps ? requested : remembered == Markdown ? Markdown : Steps;
}
