namespace Manuals.Web.Shared;

/// <summary>Whether a looked-up page exists and may be shown.</summary>
public enum LookupStatus
{
    Found,
    NotFound,
    Forbidden,
}
