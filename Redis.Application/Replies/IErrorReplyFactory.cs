namespace Redis.Application.Replies;

/// <summary>A response type that can represent an error, so a pipeline behaviour can answer without throwing.</summary>
public interface IErrorReplyFactory<TSelf>
    where TSelf : IErrorReplyFactory<TSelf>
{
    static abstract TSelf FromError(string message);
}
