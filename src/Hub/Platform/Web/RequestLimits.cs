using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>Settings under <c>Web:</c> that bound what one request may carry.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Web";

    /// <summary>
    /// The largest request body, for every address that does not set its own (the photo, podcast and
    /// import forms do). Also the largest multipart form, so a file field cannot get round it.
    /// </summary>
    [Range(1, 2048, ErrorMessage = "Web:MaxRequestBodyMegabytes must be between 1 and 2048 (megabytes).")]
    public int MaxRequestBodyMegabytes { get; set; } = 10;

    /// <summary>The most fields one form may have; the largest form of the hub has a few hundred (a week of half-hours).</summary>
    [Range(16, 100_000, ErrorMessage = "Web:MaxFormFields must be between 16 and 100000.")]
    public int MaxFormFields { get; set; } = 1024;

    public long MaxRequestBodyBytes => MaxRequestBodyMegabytes * 1024L * 1024L;
}

/// <summary>
/// What a client sent that the hub cannot read — a body over the limit, too many fields, a NUL byte (in a form or the query)
/// or malformed multipart — is the client's error: a 400 or 413 page, logged at Information with
/// the reason, never a 500. One place decides which exceptions mean that (<see cref="Classify"/>),
/// for forms read up front here and for any other body read later (through the exception handler).
/// </summary>
public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitOptions>()
            .Bind(builder.Configuration.GetSection(RequestLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Kestrel enforces the limit while reading; the middleware below enforces it by Content-Length
        // first, so it holds behind any server (the test server enforces none of Kestrel's limits).
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<RequestLimitOptions>>((form, limits) =>
        {
            form.ValueCountLimit = limits.Value.MaxFormFields;
            form.MultipartBodyLengthLimit = limits.Value.MaxRequestBodyBytes;
        });
        builder.Services.AddOptions<ExceptionHandlerOptions>().Configure<ILoggerFactory>((handler, loggers) =>
        {
            // Exceptions are bugs and become the friendly 500 page (never a stack trace), except the
            // few that say the client sent something unreadable: those keep their 4xx status and are
            // logged here, quietly, instead of as a failure of the hub.
            var log = loggers.CreateLogger(typeof(RequestLimits));
            handler.ExceptionHandlingPath = "/error";
            // A file store that cannot be reached is an outage, not a bug: 503, so browsers, podcast apps and proxies
            // try again later; it is still logged as a failure, for the operator to see.
            handler.StatusCodeSelector = e => e is Files.FileStoreUnavailableException ? StatusCodes.Status503ServiceUnavailable
                : Classify(e)?.Status ?? StatusCodes.Status500InternalServerError;
            handler.SuppressDiagnosticsCallback = context =>
            {
                if (Classify(context.Exception) is not { } refused)
                {
                    return false;
                }
                LogRefused(log, context.HttpContext, refused);
                return true;
            };
        });
        return builder;
    }

    /// <summary>After routing, so each address's own size limits (<c>[RequestSizeLimit]</c>, <c>[RequestFormLimits]</c>) apply.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestLimitsMiddleware>();
        return app;
    }

    public sealed record Refusal(int Status, string Reason);

    /// <summary>The exceptions that mean "the request could not be read", with the status to answer; null for a bug.</summary>
    public static Refusal? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Kestrel's and the framework's own: body too large (413), malformed, timed out reading.
                case BadHttpRequestException bad:
                    return new(bad.StatusCode, bad.Message);
                // Thrown by ASP.NET Core's form and multipart readers: too many fields, a value too long,
                // invalid characters (a NUL byte), a broken boundary. Elsewhere it would be a bug of ours.
                case InvalidDataException when e.TargetSite?.DeclaringType?.Assembly.GetName().Name?.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) == true:
                    return new(StatusCodes.Status400BadRequest, e.Message);
            }
        }
        return null;
    }

    internal static void LogRefused(ILogger log, HttpContext context, Refusal refused) =>
        log.LogInformation("Refused {Method} {Path} with {Status}: {Reason}",
            context.Request.Method, context.Request.Path.Value, refused.Status, refused.Reason);
}

/// <summary>
/// Refuses a body that declares more than the address allows before reading a byte of it, and reads
/// every form once, up front, so a form that cannot be read is refused here with its reason rather than
/// surfacing later as a failed anti-forgery check or a 500. Reading it here costs nothing extra: the
/// anti-forgery check reads every posted form anyway, and later readers get the same parsed form.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitOptions> options, ILogger<RequestLimitsMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context); // the error page for a request already refused (or failed): let it answer
            return;
        }
        // A NUL in the address is refused as the form reader refuses one in a form: no page can use it, and
        // PostgreSQL cannot even compare a string that holds one, so a page that looked it up would fail.
        if (context.Request.QueryString.HasValue && context.Request.Query.Any(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
        {
            Refuse(context, new(StatusCodes.Status400BadRequest, "a NUL byte in the query string"));
            return;
        }
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<UploadLimitAttribute>() is not null)
        {
            await next(context); // an upload page bounds and reads its own form, under its own larger limit
            return;
        }
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own ? own.MaxRequestBodySize : options.Value.MaxRequestBodyBytes;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            Refuse(context, new(StatusCodes.Status413PayloadTooLarge, $"the body declares {context.Request.ContentLength} bytes; the limit here is {max}"));
            return;
        }
        if (endpoint is not null && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (RequestLimits.Classify(e) is { } refused)
            {
                Refuse(context, refused);
                return;
            }
        }
        await next(context);
    }

    private void Refuse(HttpContext context, RequestLimits.Refusal refused)
    {
        RequestLimits.LogRefused(log, context, refused);
        context.Response.StatusCode = refused.Status; // the status-code page answers it, in the layout
    }
}
