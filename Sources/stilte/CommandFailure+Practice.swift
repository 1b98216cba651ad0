import StiltePractice

/// A command's failure as the one line ArgumentParser prints after "Error: ".
typealias CommandFailure = PracticeFailure
