using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Keeps every log entry the hub writes, so a test can see what was logged and at which level.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Entries.Enqueue(new(logLevel, category, formatter(state, exception), exception));
    }
}
