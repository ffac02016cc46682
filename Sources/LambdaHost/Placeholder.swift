package enum LambdaHostPlaceholder {}
