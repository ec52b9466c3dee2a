namespace Manuals.Core.Coverage;

/// <summary>How often a business task recurs: 毎日・毎週・毎月・四半期・毎年・随時.</summary>
public enum TaskFrequency
{
    /// <summary>毎日.</summary>
    Daily,

    /// <summary>毎週.</summary>
    Weekly,

    /// <summary>毎月.</summary>
    Monthly,

    /// <summary>四半期.</summary>
    Quarterly,

    /// <summary>毎年.</summary>
    Yearly,

    /// <summary>随時: whenever it comes up.</summary>
    AsNeeded,
}
