namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>The user the provider "signs in" (there is no login page): the claims its id_token carries.</summary>
public sealed class TestIdentity
{
    /// <summary>The sub claim.</summary>
    public string Subject { get; init; } = "test-user-0001";

    /// <summary>The name claim; left out when null.</summary>
    public string? Name { get; init; } = "テスト 太郎";

    /// <summary>The email claim; left out when null.</summary>
    public string? Email { get; init; } = "taro.test@example.com";

    /// <summary>The preferred_username claim; left out when null.</summary>
    public string? PreferredUserName { get; init; } = "taro.test@example.com";

    /// <summary>The oid claim (Entra-style providers, or when set); by default a GUID derived from <see cref="Subject"/>.</summary>
    public string? ObjectId { get; init; }

    /// <summary>The tid claim; by default the provider's tenant, and left out when neither is set.</summary>
    public string? TenantId { get; init; }

    /// <summary>The roles claim, as a JSON array; left out when empty.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The groups claim, as a JSON array; left out when empty.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>More string claims, written as they are (they may override the ones above).</summary>
    public IReadOnlyDictionary<string, string> OtherClaims { get; init; } = new Dictionary<string, string>();

    /// <summary>A defect built into every token issued for this user (a one-off <see cref="TestOpenIdProvider.NextFault"/> wins).</summary>
    public TokenFault Fault { get; init; }
}
