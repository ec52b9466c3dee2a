using Manuals.Core.Accounts;

namespace Manuals.Core.Templates;

/// <summary>
/// Who may change a step template — the one rule the template pages, their buttons and <see cref="TemplateService"/>
/// ask. A template decides completeness (and so publishing and coverage's risk) for every manual that follows it, in
/// every department, so changing one is not everyone's business:
/// <list type="bullet">
/// <item>Everyone signed in reads every template.</item>
/// <item>Editors and Admins create templates and start manuals from any active one (<see cref="CanCreate"/>).</item>
/// <item>Changing a template — editing it, retiring it, restoring it (<see cref="CanChange"/>) — is for Admins, and for
/// the Editor who created it. Built-ins, and templates whose creator is not known (made before migration 0012, or by an
/// account since deleted), are Admin-only. Readers change none.</item>
/// </list>
/// </summary>
public static class TemplateAccessPolicy
{
    /// <summary>Whether the viewer may create templates (and copy one) and start manuals from active ones.</summary>
    public static bool CanCreate(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsWriter;
    }

    /// <summary>Whether the viewer may edit, retire and restore <paramref name="template"/>.</summary>
    public static bool CanChange(Viewer viewer, StepTemplate template)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(template);
        if (viewer.IsAdmin)
        {
            return true;
        }

        return viewer.IsWriter
            && !template.IsBuiltIn
            && template.CreatedByUserId is { } creator
            && creator == viewer.UserId;
    }
}
