using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>
/// RS256 compact JWTs and JWKs with nothing but System.Security.Cryptography, so the tokens do not come from the
/// libraries the tests put to the proof.
/// </summary>
internal static class JsonWebSigner
{
    public static string Sign(JsonObject payload, RSA key, string keyId, bool corruptSignature)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = keyId, ["typ"] = "JWT" };
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (corruptSignature)
        {
            signature[0] ^= 0xFF;
            signature[^1] ^= 0xFF;
        }

        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public static JsonObject PublicJwk(RSA key, string keyId)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = keyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    /// <summary>at_hash: the left half of SHA-256 over the access token, base64url (OpenID Connect Core 3.1.3.6).</summary>
    public static string LeftHalfHash(string value) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(value)).AsSpan(0, 16));

    /// <summary>The PKCE S256 challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))).</summary>
    public static string S256(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static string RandomToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
