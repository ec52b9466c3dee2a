namespace Manuals.Web.Shared;

/// <summary>The <c>Manuals</c> configuration section.</summary>
public sealed class ManualsOptions
{
    public const string Section = "Manuals";

    /// <summary>Password for the first <c>admin</c> user; when empty, a random one is generated and printed once.</summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>IANA time zone used to show times.</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>Folder of sample manuals imported when the database has no manuals; relative to the working directory.</summary>
    public string SamplesPath { get; set; } = "samples/manuals";

    public bool ImportSamplesOnFirstStart { get; set; } = true;

    /// <summary>
    /// The day the sample manuals' <c>reviewed</c> dates were written as of: they are moved forward by the days since,
    /// so a new installation shows the same mix of current and overdue manuals whenever it is started.
    /// </summary>
    public DateOnly? SamplesAsOf { get; set; }
}
