# uncaught user-defined exception with attributes and __str__
class BankError(Exception):
    def __init__(self, account, amount):
        super().__init__(account, amount)
        self.account = account
        self.amount = amount
    def __str__(self):
        return f"account {self.account} cannot withdraw {self.amount}"
def withdraw(acct, amt):
    raise BankError(acct, amt)
withdraw("A-17", 250)
