using System.Net;

namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>One request of a redirect walk and the answer to it.</summary>
/// <param name="Method">GET, or POST for a form_post callback.</param>
/// <param name="Url">The absolute URL requested.</param>
/// <param name="ToProvider">True when it went to the provider, false when to the app.</param>
/// <param name="StatusCode">The answer's status.</param>
/// <param name="Location">The answer's Location header, if any.</param>
public sealed record OpenIdHop(string Method, Uri Url, bool ToProvider, HttpStatusCode StatusCode, Uri? Location);
