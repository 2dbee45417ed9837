"""Why an exchange bundle is not imported: a code for logs and tests, a sentence for the clerk."""


class BundleRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


def refused(code: str, **words: str) -> BundleRefused:
    return BundleRefused(code, MESSAGES[code].format(**words))


MESSAGES = {
    "bundle.malformed": "文件不是交换包，或交换包格式版本不受支持，未导入任何内容。",
    "bundle.wrong_receiver": "该交换包是发给其他单位的，本机无法解密，未导入任何内容。",
    "bundle.signer_untrusted": "交换包发送方的证书无效（不受信任、已过期或已吊销），未导入任何内容。",
    "bundle.signer_not_allowed": "交换包发送方的证书不属于允许与本机交换的单位，未导入任何内容。",
    "bundle.truncated": "交换包不完整（文件被截断，可能未拷贝完），请重新拷贝后再导入，未导入任何内容。",
    "bundle.corrupted": "交换包已损坏或被改动，未导入任何内容。",
    "bundle.bad_signature": "交换包的签名验证失败，可能被篡改，未导入任何内容。",
    "bundle.replayed": "该交换包已导入过，或比已导入的交换包更旧，未重复导入。",
    "bundle.unexpected_kind": "交换包的类型不对（例如把发出的包当作回执导入），未导入任何内容。",
    "bundle.sender_unknown": "交换包发送方的证书未登记到任何人员，未导入任何内容。",
    "bundle.device_not_yours": "交换包中的设备未登记在发送人名下，未导入任何内容。",
    "bundle.algorithm_not_allowed": "本单位策略要求国密算法（SM2 签名、SM2 密钥封装、SM4 加密），该交换包未使用国密算法，未导入任何内容。",
    "bundle.national_keys_required": "本单位策略要求国密算法，发送方和接收方都须使用 SM2 证书，当前证书不是 SM2 证书，未导出交换包。",
    "bundle.key_removed": "解密交换包时 USB Key 被拔出，请插回后重新导入，未导入任何内容。",
    "bundle.above_ceiling": "交换包中有“{level}”级的内容，超过本单位可接收的最高密级“{ceiling}”，未导入任何内容。",
    "bundle.bad_crl": "交换包中的证书吊销列表不是由受信任的证书机构签发的，未导入任何内容。",
    "bundle.bad_update": "交换包中的客户端更新包与其说明不符，未导入任何内容。",
    "bundle.no_exchange_key": "服务器未配置交换站证书，无法导入交换包。",
}
