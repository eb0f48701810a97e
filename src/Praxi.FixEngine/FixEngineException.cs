namespace Praxi.FixEngine;

/// <summary>
/// The one exception type the engine lets escape: it says what failed, on which input, and what to do next.
/// Expected outcomes (an unknown failure, a refusal, an abstention) are values, never exceptions.
/// </summary>
public class FixEngineException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public FixEngineException()
    {
    }

    /// <summary>Creates an exception with a one-line message meant for a person.</summary>
    /// <param name="message">What failed, on which input, and what to do next.</param>
    public FixEngineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a one-line message and the cause.</summary>
    /// <param name="message">What failed, on which input, and what to do next.</param>
    /// <param name="innerException">The underlying error.</param>
    public FixEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
