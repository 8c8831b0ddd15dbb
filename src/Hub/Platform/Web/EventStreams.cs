using Microsoft.AspNetCore.Http.Features;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// A page's live stream (server-sent events): it reads what the page shows when a <see cref="LiveSignals"/> topic
/// says it changed, and sends it when it differs from what was sent. The meeting room and the header's notice count
/// follow their streams this way, on whichever web node they are open.
/// </summary>
public static class EventStreams
{
    /// <summary>A comment line this often keeps proxies from closing a quiet stream.</summary>
    public static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    /// <summary>A stream ends after this long; the browser opens it again by itself (and a signed-out person's gets a 401 and stops).</summary>
    public static readonly TimeSpan LongestStream = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The stream's end: the page closed, the stream reached <see cref="LongestStream"/> or the hub is stopping.
    /// Take it before the first read, so a stream that is refused (a 404) stops with the same token.
    /// </summary>
    public static CancellationTokenSource Lifetime(HttpContext http)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted,
            http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        stop.CancelAfter(LongestStream);
        return stop;
    }

    /// <summary>
    /// Streams until <paramref name="cancel"/>: <paramref name="read"/> returns the next event to send (a complete
    /// <c>event:</c>/<c>data:</c> block), or null when nothing changed. It runs once at the start, after each signal of
    /// <paramref name="watch"/>'s topic, and at least every <paramref name="readAtLeastEvery"/> without one
    /// (<see cref="LiveSignals.ReadAtLeastEvery"/>): a notification lost while a node's listening connection was down
    /// must not leave a page behind for good.
    /// </summary>
    public static async Task FollowAsync(HttpContext http, LiveWatch watch, TimeSpan readAtLeastEvery, Func<CancellationToken, Task<string?>> read,
        CancellationToken cancel)
    {
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var readAt = DateTimeOffset.MinValue;
        var signalled = true; // the first read, at once
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass each event on at once
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var quietSince = time.GetUtcNow();
        try
        {
            await http.Response.WriteAsync(": listening\n\n", cancel);
            await http.Response.Body.FlushAsync(cancel);
            while (!cancel.IsCancellationRequested)
            {
                var next = watch.Next(); // before the read: a change saved while reading still wakes the next wait
                string? message = null;
                if (signalled || time.GetUtcNow() - readAt >= readAtLeastEvery)
                {
                    readAt = time.GetUtcNow();
                    message = await read(cancel);
                }
                if (message is not null)
                {
                    await http.Response.WriteAsync(message, cancel);
                    await http.Response.Body.FlushAsync(cancel);
                    quietSince = time.GetUtcNow();
                }
                else if (time.GetUtcNow() - quietSince > KeepAliveEvery)
                {
                    await http.Response.WriteAsync(": still here\n\n", cancel);
                    await http.Response.Body.FlushAsync(cancel);
                    quietSince = time.GetUtcNow();
                }
                // Wakes for a signal, the next read without one, or the next keep-alive, whichever comes first.
                var readDue = readAt + readAtLeastEvery - time.GetUtcNow();
                var keepAliveDue = quietSince + KeepAliveEvery - time.GetUtcNow();
                var wait = readDue < keepAliveDue ? readDue : keepAliveDue;
                signalled = await LiveWatch.WaitAsync(next, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The page closed, the stream reached its length or the hub is stopping: the browser reconnects if it is still open.
        }
    }
}
