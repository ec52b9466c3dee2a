using System.Globalization;

namespace Manuals.Core.Approvals;

/// <summary>
/// A request keeps the route its department had when it was made, as compact text (<c>users:3,5;editors;admins</c>),
/// so changing the department's route later never moves a request that is already on its way.
/// </summary>
public static class ApprovalStages
{
    public static string Format(IReadOnlyList<ApprovalStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return string.Join(';', stages.OrderBy(s => s.Number).Select(s => s.Kind switch
        {
            ApproverKind.Users => "users:" + string.Join(',', s.UserIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            ApproverKind.DepartmentEditors => "editors",
            _ => "admins",
        }));
    }

    /// <summary>The stages <see cref="Format"/> wrote; anything it did not write reads as no stage at all.</summary>
    public static IReadOnlyList<ApprovalStage> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var stages = new List<ApprovalStage>();
        foreach (var part in text.Split(';'))
        {
            var number = stages.Count + 1;
            if (part == "editors")
            {
                stages.Add(new ApprovalStage(number, ApproverKind.DepartmentEditors, []));
            }
            else if (part == "admins")
            {
                stages.Add(new ApprovalStage(number, ApproverKind.Admins, []));
            }
            else if (part.StartsWith("users:", StringComparison.Ordinal))
            {
                var ids = part["users:".Length..]
                    .Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
                    .Where(id => id > 0)
                    .ToList();
                stages.Add(new ApprovalStage(number, ApproverKind.Users, ids));
            }
        }

        return stages;
    }
}
