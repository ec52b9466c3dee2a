namespace Manuals.Core.Handovers;

/// <summary>What a user may do with an empty sign-off box.</summary>
public enum SignOffRight
{
    None,

    /// <summary>Sign with their own account: it is their box.</summary>
    Self,

    /// <summary>Record the sign-off on the person's behalf, recorded as such (an Admin, or a manager for someone without an account).</summary>
    OnBehalf,
}
