using System;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Web;
using Microsoft.AspNetCore.Http;

namespace Infisical.LocalServer;

/// <summary>
/// Current servers reject a query string with broken %-encoding (400 "Malformed URL encoding in query parameters");
/// ASP.NET Core would silently keep the raw text, so the check is explicit. The 2024 server had no such check.
/// </summary>
internal static class QueryEncodingCheck
{
    private static readonly Regex BadEscape = new("%(?![0-9A-Fa-f]{2})", RegexOptions.CultureInvariant);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Middleware entry.</summary>
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var query = context.Request.QueryString.Value;
        if (string.IsNullOrEmpty(query) || ApiErrors.From(context).IsLegacy || IsWellFormed(query))
        {
            return next(context);
        }

        return ApiErrors.From(context).BadRequest("Malformed URL encoding in query parameters").ExecuteAsync(context);
    }

    private static bool IsWellFormed(string query)
    {
        if (BadEscape.IsMatch(query))
        {
            return false;
        }

        try
        {
            StrictUtf8.GetString(HttpUtility.UrlDecodeToBytes(query.Replace("+", "%20", StringComparison.Ordinal)));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
